package org.deltascape.models.mlp;

import java.util.ArrayList;
import java.util.List;
import org.deltascape.api.Batch;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The first layer's pre-activation on a batch, split along the subspace: since the first layer is
 * linear in its own parameters and its input X is fixed, {@code z_0(θ) = X·W_0(θ)ᵀ + b_0(θ) = Z* +
 * Σ_d θ_d T_d} with {@code Z* = X W*ᵀ + b*} and {@code T_d = X E_dᵀ + e_d} (E_d, e_d the
 * first-layer part of direction d). Both are computed once per batch, keyed on the batch object's
 * identity (several batches are cached, see {@link #CACHE_ELEMENTS}), and reused for every θ, for a block of θ by one matrix product, and as the first
 * layer's exact tangents in the derivative passes.
 *
 * <p>Holds {@code (D + 1)·n·width(1)} numbers per cached batch, Z* and the T_d stacked in one
 * array ({@link #augmented}).
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
  private INDArray augmented;
  private final List<Entry> cache = new ArrayList<>();
  private final long cacheElements;

  /**
   * Numbers of projections kept across batches: 2²⁶ (256 MiB in float32) holds the paper's 9,984
   * examples at D = 10 (28 M numbers), so a Monte Carlo pass over the engine's data chunks computes
   * each chunk's projection once, not once per block of samples.
   */
  static final long CACHE_ELEMENTS = 1L << 26;

  FirstLayerProjection(MlpArchitecture shape, LayerViews centre, List<LayerViews> directions) {
    this(shape, centre, directions, CACHE_ELEMENTS);
  }

  FirstLayerProjection(
      MlpArchitecture shape, LayerViews centre, List<LayerViews> directions, long cacheElements) {
    this.cacheElements = cacheElements;
    this.shape = shape;
    this.centre = centre;
    this.directions = directions;
  }

  /**
   * Makes the projection of {@code next} current: from the cache when that batch (the same object)
   * was prepared before and is still held, else computed and cached, evicting the least recently
   * used projections while the cache holds more than {@value #CACHE_ELEMENTS} numbers.
   */
  void prepare(Batch next) {
    if (next == batch) {
      return;
    }
    for (int i = 0; i < cache.size(); i++) {
      Entry entry = cache.get(i);
      if (entry.batch() == next) {
        cache.remove(i);
        cache.add(0, entry);
        use(entry);
        return;
      }
    }
    MlpInputs.requireBatch(shape, next);
    batch = null;
    features = MlpInputs.features(shape, next);
    targets = MlpInputs.targets(shape, next);
    int rows = next.size();
    int width = shape.width(1);
    long perExample = (long) rows * width;
    augmented = Nd4j.create(shape.dataType(), directions.size() + 1, perExample);
    centreActivation = augmented.getRow(0).reshape('c', rows, width);
    Nd4j.gemm(features, centre.weight(0), centreActivation, false, true, 1.0, 0.0);
    centreActivation.addiRowVector(centre.bias(0));
    tangents = augmented.get(NDArrayIndex.interval(1, directions.size() + 1), NDArrayIndex.all());
    for (int d = 0; d < directions.size(); d++) {
      INDArray tangent = tangent(d);
      Nd4j.gemm(features, directions.get(d).weight(0), tangent, false, true, 1.0, 0.0);
      tangent.addiRowVector(directions.get(d).bias(0));
    }
    batch = next;
    cache.add(0, new Entry(next, features, targets, centreActivation, tangents, augmented));
    long held = 0;
    for (Entry entry : cache) {
      held += entry.augmented().length();
    }
    while (cache.size() > 1 && held > cacheElements) {
      held -= cache.remove(cache.size() - 1).augmented().length();
    }
  }

  private void use(Entry entry) {
    batch = entry.batch();
    features = entry.features();
    targets = entry.targets();
    centreActivation = entry.centre();
    tangents = entry.tangents();
    augmented = entry.augmented();
  }

  /** One batch's projection. */
  private record Entry(Batch batch, INDArray features, INDArray targets, INDArray centre,
      INDArray tangents, INDArray augmented) {}

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

  /**
   * Z* and the T_d in one {@code (D + 1) × (n·width(1))} array, row 0 Z* flattened: {@code [1,
   * θᵀ]} times it is z_0(θ), centre included, in one matrix product.
   */
  INDArray augmented() {
    return augmented;
  }

  /** T_d as an {@code n × width(1)} view. */
  INDArray tangent(int direction) {
    return tangents.getRow(direction).reshape('c', features.rows(), shape.width(1));
  }
}
