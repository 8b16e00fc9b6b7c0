package org.deltascape.api;

import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A configured sampler: draws θ ∈ R^D from p(θ). θ_s is a function of {@code (key, s)} only, so
 * any block of sample indices can be drawn alone (shards, checkpoints) with the same values.
 * Immutable and thread-safe.
 */
public interface ThetaSampler {

  /** D. */
  int dimension();

  /**
   * Writes θ_s for {@code s = first … first + n − 1} into the rows of {@code out}.
   *
   * @param key the sampling key of the space ({@code (sampling seed, "theta/<space>")}); θ_s uses
   *     {@code key.at(s)} or a function of it
   * @param first the index of the first sample
   * @param out {@code n × D} DOUBLE, overwritten
   */
  void sample(RandomKey key, long first, INDArray out);

  /** The moments of p(θ), where known; closed-form estimators refuse samplers without them. */
  Optional<Moments> moments();
}
