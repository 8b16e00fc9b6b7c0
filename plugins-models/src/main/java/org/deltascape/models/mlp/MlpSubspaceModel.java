package org.deltascape.models.mlp;

import java.util.ArrayList;
import java.util.List;
import org.deltascape.api.Batch;
import org.deltascape.api.SubspaceModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * An MLP restricted to {@code w(θ) = w0 + Pθ}, with fast paths for both of its jobs.
 *
 * <p><b>Block evaluation.</b> The first layer, usually most of the parameters and of the work, is
 * linear in its weights: {@code z_0(θ) = Z* + Σ_d θ_d T_d} ({@link FirstLayerProjection}), so a
 * block of S samples costs one {@code S × D × (n·width(1))} product for the first layer instead of
 * S products with the data; the later layers run per sample with {@code w0 + Pθ_s} assembled from
 * their part of P. Samples go in chunks so that the block stays under {@value #BLOCK_ELEMENTS}
 * numbers.
 *
 * <p><b>Derivatives at θ = 0.</b> Forward-mode passes along the directions ({@link
 * SubspaceTaylorPasses}): one tangent pass per direction and one second-order pass per pair, each
 * for all examples at once.
 *
 * <p>Not thread-safe. Caches the first layer's projection of the most recent batch (compared by
 * identity: do not modify a batch's arrays after passing it).
 */
final class MlpSubspaceModel implements SubspaceModel {
  static final long BLOCK_ELEMENTS = 1L << 23;

  private final MlpArchitecture shape;
  private final MlpPasses passes;
  private final int dimension;
  private final long restOffset;
  private final LayerViews centre;
  private final LayerViews sample;
  private final INDArray centreRest;
  private final INDArray sampleRest;
  private final INDArray basisRest;
  private final FirstLayerProjection projection;
  private final SubspaceTaylorPasses taylor;
  private final long blockElements;
  private MlpWorkspace workspace;
  private INDArray block;

  MlpSubspaceModel(MlpArchitecture shape, INDArray w0, INDArray basis) {
    this(shape, w0, basis, BLOCK_ELEMENTS, SubspaceTaylorPasses.CHUNK_ELEMENTS);
  }

  /** With smaller block and chunk limits, so that tests reach the chunked paths cheaply. */
  MlpSubspaceModel(
      MlpArchitecture shape, INDArray w0, INDArray basis, long blockElements, long chunkElements) {
    long size = shape.parameterCount();
    MlpInputs.requireParameterVector(shape, w0, "w0");
    if (basis.rank() != 2 || basis.rows() != size || basis.columns() < 1) {
      throw new IllegalArgumentException(
          "the basis must be P × D with P = " + size + " and D >= 1, not " + shapeText(basis));
    }
    this.shape = shape;
    this.passes = new MlpPasses(shape);
    this.dimension = basis.columns();
    this.restOffset = shape.weightOffset(1);
    this.centre = LayerViews.allocate(shape);
    centre.flat().assign(w0);
    this.sample = LayerViews.allocate(shape);
    sample.flat().assign(centre.flat());
    INDArray basisT = Nd4j.create(shape.dataType(), dimension, size);
    basisT.assign(basis.transpose());
    List<LayerViews> directions = new ArrayList<>();
    for (int d = 0; d < dimension; d++) {
      directions.add(new LayerViews(shape, basisT.getRow(d).reshape(size)));
    }
    long rest = size - restOffset;
    this.centreRest = centre.flat().get(NDArrayIndex.interval(restOffset, size)).reshape(1, rest);
    this.sampleRest = sample.flat().get(NDArrayIndex.interval(restOffset, size)).reshape(1, rest);
    this.basisRest = basisT.get(NDArrayIndex.all(), NDArrayIndex.interval(restOffset, size));
    this.projection = new FirstLayerProjection(shape, centre, directions);
    this.taylor = new SubspaceTaylorPasses(shape, centre, directions, chunkElements);
    this.blockElements = blockElements;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public void losses(INDArray thetas, Batch batch, INDArray out) {
    int samples = thetas.rows();
    if (thetas.rank() != 2 || thetas.columns() != dimension) {
      throw new IllegalArgumentException(
          "thetas must be S × " + dimension + ", not " + shapeText(thetas));
    }
    if (out.rank() != 2 || out.rows() != samples || out.columns() != batch.size()) {
      throw new IllegalArgumentException(
          "out must be " + samples + " × " + batch.size() + ", not " + shapeText(out));
    }
    projection.prepare(batch);
    int rows = batch.size();
    long perSample = (long) rows * shape.width(1);
    int chunk = (int) Math.max(1, Math.min(samples, blockElements / perSample));
    if (block == null || block.rows() != chunk || block.columns() != perSample) {
      block = Nd4j.create(shape.dataType(), chunk, perSample);
    }
    MlpWorkspace ws = workspace(rows);
    INDArray typedThetas =
        thetas.dataType() == shape.dataType() ? thetas : thetas.castTo(shape.dataType());
    INDArray centreFlat = projection.centre().reshape(perSample);
    for (int first = 0; first < samples; first += chunk) {
      int count = Math.min(chunk, samples - first);
      INDArray thetaBlock =
          typedThetas.get(NDArrayIndex.interval(first, first + count), NDArrayIndex.all());
      INDArray blockView =
          count == chunk ? block : block.get(NDArrayIndex.interval(0, count), NDArrayIndex.all());
      Nd4j.gemm(thetaBlock, projection.tangents(), blockView, false, false, 1.0, 0.0);
      blockView.addiRowVector(centreFlat);
      for (int t = 0; t < count; t++) {
        ws.z[0].assign(blockView.getRow(t).reshape('c', rows, shape.width(1)));
        if (shape.layers() > 1) {
          INDArray theta = thetaBlock.getRow(t).reshape(1, dimension);
          Nd4j.gemm(theta, basisRest, sampleRest, false, false, 1.0, 0.0);
          sampleRest.addi(centreRest);
          passes.forward(sample, projection.features(), ws, 1, false);
        }
        shape.loss().evaluate(passes.output(ws), projection.targets(), ws.losses, null);
        out.getRow(first + t).assign(ws.losses);
      }
    }
  }

  @Override
  public void derivatives(Batch batch, INDArray values, INDArray gradients, INDArray hessians) {
    int rows = batch.size();
    if (values.length() != rows
        || gradients.rank() != 2
        || gradients.rows() != rows
        || gradients.columns() != dimension
        || hessians.rank() != 3
        || hessians.size(0) != rows
        || hessians.size(1) != dimension
        || hessians.size(2) != dimension) {
      throw new IllegalArgumentException(
          "derivatives of "
              + rows
              + " examples in "
              + dimension
              + " dimensions need values ["
              + rows
              + "], gradients ["
              + rows
              + ", "
              + dimension
              + "] and hessians ["
              + rows
              + ", "
              + dimension
              + ", "
              + dimension
              + "]");
    }
    projection.prepare(batch);
    taylor.derivatives(projection, values, gradients, hessians);
  }

  private MlpWorkspace workspace(int rows) {
    if (workspace == null || workspace.rows != rows) {
      workspace = new MlpWorkspace(shape, rows);
    }
    return workspace;
  }

  private static String shapeText(INDArray array) {
    return java.util.Arrays.toString(array.shape());
  }
}
