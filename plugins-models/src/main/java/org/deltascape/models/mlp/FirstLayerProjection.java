package org.deltascape.models.mlp;

import java.util.List;
import org.deltascape.api.Batch;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The first layer's pre-activation on a batch, split along the subspace: since the first layer is
 * linear in its own parameters and its input X is fixed, {@code z_0(θ) = X·W_0(θ)ᵀ + b_0(θ) = Z* +
 * Σ_d θ_d T_d} with {@code Z* = X W*ᵀ + b*} and {@code T_d = X E_dᵀ + e_d} (E_d, e_d the
 * first-layer part of direction d). Both are computed once per batch, keyed on the batch object's
 * identity, and reused for every θ, for a block of θ by one matrix product, and as the first
 * layer's exact tangents in the derivative passes.
 *
 * <p>Holds {@code (D + 1)·n·width(1)} numbers for the most recent batch.
 */
final class FirstLayerProjection {
  private final MlpArchitecture shape;
  private final LayerViews centre;
  private final List<LayerViews> directions;
  private Batch batch;
  private INDArray features;
  private INDArray targets;
  private INDArray centreActivation;
  private INDArray tangents;

  FirstLayerProjection(MlpArchitecture shape, LayerViews centre, List<LayerViews> directions) {
    this.shape = shape;
    this.centre = centre;
    this.directions = directions;
  }

  /** Makes the projection of {@code next} current, computing it unless it is the cached batch. */
  void prepare(Batch next) {
    if (next == batch) {
      return;
    }
    MlpInputs.requireBatch(shape, next);
    batch = null;
    features = MlpInputs.features(shape, next);
    targets = MlpInputs.targets(shape, next);
    int rows = next.size();
    int width = shape.width(1);
    centreActivation = Nd4j.create(shape.dataType(), rows, width);
    Nd4j.gemm(features, centre.weight(0), centreActivation, false, true, 1.0, 0.0);
    centreActivation.addiRowVector(centre.bias(0));
    tangents = Nd4j.create(shape.dataType(), directions.size(), (long) rows * width);
    for (int d = 0; d < directions.size(); d++) {
      INDArray tangent = tangent(d);
      Nd4j.gemm(features, directions.get(d).weight(0), tangent, false, true, 1.0, 0.0);
      tangent.addiRowVector(directions.get(d).bias(0));
    }
    batch = next;
  }

  /** X in the model's type. */
  INDArray features() {
    return features;
  }

  /** The targets in the model's type. */
  INDArray targets() {
    return targets;
  }

  /** Z*, {@code n × width(1)}. */
  INDArray centre() {
    return centreActivation;
  }

  /** All T_d, row d flattened: {@code D × (n·width(1))}. */
  INDArray tangents() {
    return tangents;
  }

  /** T_d as an {@code n × width(1)} view. */
  INDArray tangent(int direction) {
    return tangents.getRow(direction).reshape('c', features.rows(), shape.width(1));
  }
}
