package org.deltascape.models.mlp;

import java.util.ArrayList;
import java.util.List;
import org.deltascape.api.Batch;
import org.deltascape.api.SubspaceModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * An MLP restricted to {@code w(θ) = w0 + Pθ}, with fast paths for both of its jobs.
 *
 * <p><b>Block evaluation.</b> The first layer, usually most of the parameters and of the work, is
 * linear in its weights: {@code z_0(θ) = Z* + Σ_d θ_d T_d} ({@link FirstLayerProjection}), so a
 * block of S samples costs one {@code S × (D+1) × (n·width(1))} product {@code [1, θᵀ]·[Z*; T]}
 * for the first layer instead of S products with the data; the later layers run per sample with
 * {@code w0 + Pθ_s} assembled from their part of P by one more such product. Samples go in chunks
 * so that the block stays under {@value #BLOCK_ELEMENTS} numbers; σ is applied in place on the
 * block, the later layers read it directly, in slices of {@value #SLICE_ROWS} examples so that a
 * slice's activations stay in cache between passes, and cross-entropy losses are written straight
 * into the output ({@link CrossEntropyRows}). Issue 6 measured each step (docs/PERFORMANCE.md).
 *
 * <p><b>Derivatives at θ = 0.</b> Forward-mode passes along the directions ({@link
 * SubspaceTaylorPasses}): one tangent pass per direction and one second-order pass per pair, each
 * for all examples at once.
 *
 * <p>Not thread-safe. Caches the first layer's projections of recent batches (compared by
 * identity: do not modify a batch's arrays after passing it).
 */
final class MlpSubspaceModel implements SubspaceModel {
  static final long BLOCK_ELEMENTS = 1L << 23;

  /** Examples per slice of the later layers' passes (256 × 1,024 floats: 1 MiB per activation). */
  static final int SLICE_ROWS = 1024;

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
  private final int sliceRows;
  private MlpWorkspace workspace;
  private MlpWorkspace tailWorkspace;
  private INDArray block;
  private INDArray unitThetas;

  MlpSubspaceModel(MlpArchitecture shape, INDArray w0, INDArray basis) {
    this(shape, w0, basis, BLOCK_ELEMENTS, SubspaceTaylorPasses.CHUNK_ELEMENTS, SLICE_ROWS);
  }

  /** With smaller block and chunk limits, so that tests reach the chunked paths cheaply. */
  MlpSubspaceModel(
      MlpArchitecture shape, INDArray w0, INDArray basis, long blockElements, long chunkElements) {
    this(shape, w0, basis, blockElements, chunkElements, SLICE_ROWS);
  }

  /** With smaller block, chunk and slice limits, so that tests reach those paths cheaply. */
  MlpSubspaceModel(MlpArchitecture shape, INDArray w0, INDArray basis, long blockElements,
      long chunkElements, int sliceRows) {
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
    // [w0_rest; E_rest]: the later layers' parameters at θ are [1, θᵀ] times it, in one product.
    if (rest > 0) {
      this.basisRest = Nd4j.create(shape.dataType(), dimension + 1, rest);
      basisRest.getRow(0).assign(centreRest.reshape(rest));
      basisRest
          .get(NDArrayIndex.interval(1, dimension + 1), NDArrayIndex.all())
          .assign(basisT.get(NDArrayIndex.all(), NDArrayIndex.interval(restOffset, size)));
    } else {
      this.basisRest = null;
    }
    this.projection = new FirstLayerProjection(shape, centre, directions);
    this.taylor = new SubspaceTaylorPasses(shape, centre, directions, chunkElements);
    this.blockElements = blockElements;
    this.sliceRows = sliceRows;
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
    int width = shape.width(1);
    long perSample = (long) rows * width;
    int chunk = (int) Math.max(1, Math.min(samples, blockElements / perSample));
    if (block == null || block.rows() != chunk || block.columns() != perSample) {
      block = Nd4j.create(shape.dataType(), chunk, perSample);
    }
    if (unitThetas == null || unitThetas.rows() != chunk) {
      unitThetas = Nd4j.create(shape.dataType(), chunk, dimension + 1);
      unitThetas.getColumn(0).assign(1.0);
    }
    boolean deep = shape.layers() > 1;
    INDArray thetaColumns =
        unitThetas.get(NDArrayIndex.all(), NDArrayIndex.interval(1, dimension + 1));
    for (int first = 0; first < samples; first += chunk) {
      int count = Math.min(chunk, samples - first);
      INDArrayIndex taken = NDArrayIndex.interval(0, count);
      INDArray given = thetas.get(NDArrayIndex.interval(first, first + count), NDArrayIndex.all());
      INDArray thetaBlock = count == chunk ? thetaColumns : thetaColumns.get(taken, NDArrayIndex.all());
      thetaBlock.assign(given);
      INDArray unitBlock = count == chunk ? unitThetas : unitThetas.get(taken, NDArrayIndex.all());
      INDArray blockView = count == chunk ? block : block.get(taken, NDArrayIndex.all());
      // z_0(θ) = [1, θᵀ]·[Z*; T_1; …; T_D] for the whole chunk of samples in one product.
      Nd4j.gemm(unitBlock, projection.augmented(), blockView, false, false, 1.0, 0.0);
      for (int t = 0; t < count; t++) {
        if (!deep) {
          INDArray logits = blockView.getRow(t).reshape('c', rows, width);
          lossesInto(logits, 0, rows, workspace(rows), out, first + t);
          continue;
        }
        Nd4j.gemm(unitBlock.getRow(t).reshape(1, dimension + 1), basisRest, sampleRest, false,
            false, 1.0, 0.0);
        // Rows in slices, so that each slice's activations stay in cache between the passes.
        for (int from = 0; from < rows; from += sliceRows) {
          int to = Math.min(rows, from + sliceRows);
          INDArray firstLayer = blockView
              .get(NDArrayIndex.point(t), NDArrayIndex.interval((long) from * width, (long) to * width))
              .reshape('c', to - from, width);
          shape.activation().apply(firstLayer, firstLayer);
          MlpWorkspace ws = workspace(to - from);
          passes.forwardAbove(sample, firstLayer, ws);
          lossesInto(passes.output(ws), from, to, ws, out, first + t);
        }
      }
    }
  }

  /** The losses of examples {@code [from, to)} from their logits, into {@code out[row, from..to)}. */
  private void lossesInto(INDArray logits, int from, int to, MlpWorkspace ws, INDArray out, int row) {
    INDArray targets = projection.targets();
    if (shape.loss() == OutputLoss.CROSS_ENTROPY
        && CrossEntropyRows.evaluate(logits, targets, from, out, row)) {
      return;
    }
    INDArray slice = from == 0 && to == targets.rows()
        ? targets : targets.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
    shape.loss().evaluate(logits, slice, ws.losses, null);
    out.get(NDArrayIndex.point(row), NDArrayIndex.interval(from, to)).assign(ws.losses);
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

  /** The workspace for slices of {@code rows} examples: full slices and one shorter last slice. */
  private MlpWorkspace workspace(int rows) {
    if (workspace != null && workspace.rows == rows) {
      return workspace;
    }
    if (tailWorkspace == null || tailWorkspace.rows != rows) {
      MlpWorkspace fresh = new MlpWorkspace(shape, rows);
      if (workspace == null || rows >= workspace.rows) {
        workspace = fresh;
      } else {
        tailWorkspace = fresh;
      }
      return fresh;
    }
    return tailWorkspace;
  }

  private static String shapeText(INDArray array) {
    return java.util.Arrays.toString(array.shape());
  }
}
