package org.deltascape.models.mlp;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Exact per-example value, D-gradient and D×D Hessian of an MLP's losses at w0 along the directions
 * E_1 … E_D, by forward-mode (Taylor) passes: truncated hyper-dual numbers {@code z + ż^d ε_d + ż^e
 * ε_e + z̈^{de} ε_d ε_e} pushed through the layers.
 *
 * <p>Tangent pass, one per direction d: {@code ż_0 = T_d} (the first layer is linear in its weights
 * and X is fixed), {@code ȧ_j = σ'(z_j) ⊙ ż_j}, {@code ż_{j+1} = ȧ_j W_{j+1}ᵀ + a_j E_{j+1,d}ᵀ +
 * e_{j+1,d}}; then {@code ∂l_i/∂θ_d = g_i · ż_{L−1,i}} with g the loss's slope. Second-order pass,
 * one per pair d ≤ e: {@code z̈_0 = 0}, {@code ä_j = σ''(z_j) ⊙ ż_j^d ⊙ ż_j^e + σ'(z_j) ⊙ z̈_j},
 * {@code z̈_{j+1} = ä_j W_{j+1}ᵀ + ȧ_j^d E_{j+1,e}ᵀ + ȧ_j^e E_{j+1,d}ᵀ}; then {@code ∂²l_i/∂θ_d∂θ_e
 * = ż^dᵀ (∂²ℓ/∂z²) ż^e + g · z̈} at the output. Every step is a matrix product over all examples at
 * once; examples go in chunks so that the tangents stay under {@value #CHUNK_ELEMENTS} numbers.
 */
final class SubspaceTaylorPasses {
  static final long CHUNK_ELEMENTS = 1L << 22;

  private final MlpArchitecture shape;
  private final MlpPasses passes;
  private final LayerViews centre;
  private final List<LayerViews> directions;
  private final int dimension;
  private final int layers;
  private final long chunkElements;

  SubspaceTaylorPasses(
      MlpArchitecture shape, LayerViews centre, List<LayerViews> directions, long chunkElements) {
    this.chunkElements = chunkElements;
    this.shape = shape;
    this.passes = new MlpPasses(shape);
    this.centre = centre;
    this.directions = directions;
    this.dimension = directions.size();
    this.layers = shape.layers();
  }

  /** Fills the outputs for every example of the projection's batch. */
  void derivatives(
      FirstLayerProjection projection, INDArray values, INDArray gradients, INDArray hessians) {
    int rows = projection.features().rows();
    long widths = 0;
    for (int level = 1; level <= layers; level++) {
      widths += shape.width(level);
    }
    int chunk = (int) Math.max(1, Math.min(rows, chunkElements / (2L * (dimension + 2) * widths)));
    Chunk scratch = null;
    for (int first = 0; first < rows; first += chunk) {
      int count = Math.min(chunk, rows - first);
      if (scratch == null || scratch.rows != count) {
        scratch = new Chunk(count);
      }
      INDArrayIndex range = NDArrayIndex.interval(first, first + count);
      scratch.run(projection, first, count);
      values.reshape(rows).get(range).assign(scratch.ws.losses);
      gradients.get(range, NDArrayIndex.all()).assign(scratch.gradients);
      hessians.get(range, NDArrayIndex.all(), NDArrayIndex.all()).assign(scratch.hessians);
    }
  }

  /** The arrays for one chunk of examples, and the passes over it. */
  private final class Chunk {
    final int rows;
    final MlpWorkspace ws;
    final INDArray outputSlope;
    final INDArray[] second;
    final INDArray[][] tangentZ;
    final INDArray[][] tangentA;
    final INDArray[] outputCurvature;
    final INDArray[] secondZ;
    final INDArray[] secondA;
    final INDArray gradients;
    final INDArray hessians;

    Chunk(int rows) {
      this.rows = rows;
      var type = shape.dataType();
      ws = new MlpWorkspace(shape, rows);
      outputSlope = Nd4j.create(type, rows, shape.outputs());
      second = new INDArray[layers];
      tangentZ = new INDArray[dimension][layers];
      tangentA = new INDArray[dimension][layers];
      outputCurvature = new INDArray[dimension];
      secondZ = new INDArray[layers];
      secondA = new INDArray[layers];
      for (int j = 0; j < layers; j++) {
        long width = shape.width(j + 1);
        secondZ[j] = Nd4j.create(type, rows, width);
        if (j < layers - 1) {
          second[j] = Nd4j.create(type, rows, width);
          secondA[j] = Nd4j.create(type, rows, width);
        }
        for (int d = 0; d < dimension; d++) {
          if (j > 0) {
            tangentZ[d][j] = Nd4j.create(type, rows, width);
          }
          if (j < layers - 1) {
            tangentA[d][j] = Nd4j.create(type, rows, width);
          }
        }
      }
      for (int d = 0; d < dimension; d++) {
        outputCurvature[d] = Nd4j.create(type, rows, shape.outputs());
      }
      gradients = Nd4j.create(type, rows, dimension);
      hessians = Nd4j.create(type, rows, dimension, dimension);
    }

    void run(FirstLayerProjection projection, int first, int count) {
      INDArrayIndex range = NDArrayIndex.interval(first, first + count);
      INDArray x = projection.features().get(range, NDArrayIndex.all());
      INDArray targets = projection.targets().get(range, NDArrayIndex.all());
      ws.z[0].assign(projection.centre().get(range, NDArrayIndex.all()));
      passes.forward(centre, x, ws, 1, true);
      OutputLoss loss = shape.loss();
      INDArray output = passes.output(ws);
      loss.evaluate(output, targets, ws.losses, outputSlope);
      if (layers > 1 && shape.activation().curved()) {
        for (int j = 0; j < layers - 1; j++) {
          shape.activation().secondDerivative(ws.a[j], ws.slope[j], second[j]);
        }
      }
      for (int d = 0; d < dimension; d++) {
        tangentPass(projection.tangent(d).get(range, NDArrayIndex.all()), d, x);
        INDArray outputTangent = tangentZ[d][layers - 1];
        gradients
            .get(NDArrayIndex.all(), NDArrayIndex.point(d))
            .assign(outputTangent.mul(outputSlope).sum(1));
        loss.curvatureProduct(output, outputTangent, outputCurvature[d]);
      }
      INDArrayIndex all = NDArrayIndex.all();
      for (int d = 0; d < dimension; d++) {
        for (int e = d; e < dimension; e++) {
          INDArray value = tangentZ[d][layers - 1].mul(outputCurvature[e]).sum(1);
          if (layers > 1) {
            value.addi(secondPass(d, e).mul(outputSlope).sum(1));
          }
          hessians.get(all, NDArrayIndex.point(d), NDArrayIndex.point(e)).assign(value);
          hessians.get(all, NDArrayIndex.point(e), NDArrayIndex.point(d)).assign(value);
        }
      }
    }

    /** ż_j and ȧ_j of direction d, for every layer; {@code firstTangent} is ż_0 = T_d. */
    private void tangentPass(INDArray firstTangent, int d, INDArray x) {
      tangentZ[d][0] = firstTangent;
      LayerViews direction = directions.get(d);
      for (int j = 1; j < layers; j++) {
        tangentA[d][j - 1].assign(tangentZ[d][j - 1]).muli(ws.slope[j - 1]);
        INDArray next = tangentZ[d][j];
        Nd4j.gemm(tangentA[d][j - 1], centre.weight(j), next, false, true, 1.0, 0.0);
        Nd4j.gemm(ws.a[j - 1], direction.weight(j), next, false, true, 1.0, 1.0);
        next.addiRowVector(direction.bias(j));
      }
    }

    /** z̈ at the output for the pair (d, e), by the second-order forward pass. */
    private INDArray secondPass(int d, int e) {
      LayerViews first = directions.get(d);
      LayerViews other = directions.get(e);
      boolean curved = shape.activation().curved();
      for (int j = 1; j < layers; j++) {
        int below = j - 1;
        boolean hasSecondA = curved || below > 0;
        if (hasSecondA) {
          INDArray secondActivation = secondA[below];
          if (below > 0) {
            secondActivation.assign(secondZ[below]).muli(ws.slope[below]);
          } else {
            secondActivation.assign(0.0);
          }
          if (curved) {
            secondActivation.addi(second[below].mul(tangentZ[d][below]).muli(tangentZ[e][below]));
          }
        }
        INDArray next = secondZ[j];
        Nd4j.gemm(tangentA[d][below], other.weight(j), next, false, true, 1.0, 0.0);
        Nd4j.gemm(tangentA[e][below], first.weight(j), next, false, true, 1.0, 1.0);
        if (hasSecondA) {
          Nd4j.gemm(secondA[below], centre.weight(j), next, false, true, 1.0, 1.0);
        }
      }
      return secondZ[layers - 1];
    }
  }
}
