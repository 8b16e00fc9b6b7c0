package org.deltascape.api;

import java.util.Objects;

/**
 * What every estimator of Δ_k is asked: the sizes, the step, the data orders and the sampler.
 *
 * <p>k runs over {@code 1 … steps}; {@code L_k} is the mean loss over the first {@code k · b}
 * examples of an order, and Δ_k = E_θ (L_{k+1} − L_k)². Index {@code j} of every per-k array is
 * {@code k = j + 1}.
 *
 * @param examples N, the number of examples every order permutes
 * @param blockSize b, examples per step (1: k counts examples)
 * @param orders R × N: {@code orders[r][p]} is the dataset index of the example at position p of
 *     order r; shared, do not modify
 * @param dimension D
 * @param samples S, the number of θ samples of the run
 * @param moments the sampler's moments, or null when it has none
 */
public record DeltaProblem(
    int examples, int blockSize, int[][] orders, int dimension, long samples, Moments moments) {

  public DeltaProblem {
    Objects.requireNonNull(orders, "orders");
    if (blockSize < 1 || examples / blockSize < 2) {
      throw new IllegalArgumentException(
          "need at least two blocks of " + blockSize + " in " + examples + " examples");
    }
    for (int[] order : orders) {
      if (order.length != examples) {
        throw new IllegalArgumentException("an order has " + order.length + " positions");
      }
    }
  }

  /** K, the number of steps: ⌊N/b⌋ − 1 (a partial last block is dropped). */
  public int steps() {
    return examples / blockSize - 1;
  }

  /** R, the number of data orders. */
  public int orderCount() {
    return orders.length;
  }

  /** {@code N/(N−1)}: the finite-population factor of the permutation mean. */
  public double finitePopulationFactor() {
    return examples / (examples - 1.0);
  }
}
