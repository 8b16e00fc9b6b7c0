package org.deltascape.api;

import java.util.Objects;

/**
 * An estimator's float64 sums over a contiguous block of sample indices {@code [first, first +
 * count)}: what checkpoints store, shards write and distributed tasks return. Blocks are combined
 * in index order with {@link #then}, element by element, so that the result depends on the block
 * boundaries only through the order of additions, which is fixed by the engine (blocks of 64).
 *
 * @param estimator the id of the estimator the sums belong to; never null
 * @param first index of the first sample
 * @param count number of samples summed
 * @param sums the sums, laid out as the estimator chooses; owned by this value, do not modify
 */
public record PartialSums(String estimator, long first, long count, double[] sums) {

  public PartialSums {
    Objects.requireNonNull(estimator, "estimator");
    Objects.requireNonNull(sums, "sums");
  }

  /** The sums of this block followed by {@code later}, which must start where this one ends. */
  public PartialSums then(PartialSums later) {
    if (!estimator.equals(later.estimator) || later.sums.length != sums.length) {
      throw new IllegalArgumentException(
          "cannot combine sums of " + estimator + " and " + later.estimator);
    }
    if (later.first != first + count) {
      throw new IllegalArgumentException(
          "block at " + later.first + " does not follow block [" + first + ", " + (first + count) + ")");
    }
    double[] total = sums.clone();
    for (int i = 0; i < total.length; i++) {
      total[i] += later.sums[i];
    }
    return new PartialSums(estimator, first, count + later.count, total);
  }
}
