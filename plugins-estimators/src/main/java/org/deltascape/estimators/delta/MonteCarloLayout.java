package org.deltascape.estimators.delta;

/**
 * Where the {@code monte-carlo} estimator keeps each sum in {@link
 * org.deltascape.api.PartialSums#sums()}, for R orders and K steps ({@code j = k − 1}, sums over
 * the samples s of the block, inc_{s,r,k} = (B_{k+1} − L_k)/(k+1) of sample s in order r):
 *
 * <pre>
 *   [r·K + j]              Σ_s inc²                            R·K values
 *   [R·K + r·K + j]        Σ_s inc⁴                            R·K values
 *   [2·R·K + j]            Σ_s y_{s,k}²,  y_{s,k} = mean_r inc²  K values
 *   [2·R·K + K]            Σ_s V_s                             1 value
 *   [2·R·K + K + 1]        Σ_s V_s²                            1 value
 * </pre>
 *
 * with {@code V_s = mean over k > K/2 of y_{s,k} · b·k(k+1)·(N−1)/N}, sample s's own plateau. The
 * length is {@code 2RK + K + 2}. Σ_s y_{s,k} needs no slot: it is {@code (1/R) Σ_r Σ_s inc²}.
 *
 * @param orders R
 * @param steps K
 */
public record MonteCarloLayout(int orders, int steps) {

  /** The number of sums. */
  public int length() {
    return 2 * orders * steps + steps + 2;
  }

  /** The slot of Σ_s inc² of order r at k = j + 1. */
  public int squares(int r, int j) {
    return r * steps + j;
  }

  /** The slot of Σ_s inc⁴ of order r at k = j + 1. */
  public int fourthPowers(int r, int j) {
    return orders * steps + r * steps + j;
  }

  /** The slot of Σ_s y_{s,k}² at k = j + 1. */
  public int orderMeanSquares(int j) {
    return 2 * orders * steps + j;
  }

  /** The slot of Σ_s V_s. */
  public int plateaus() {
    return 2 * orders * steps + steps;
  }

  /** The slot of Σ_s V_s². */
  public int plateauSquares() {
    return plateaus() + 1;
  }
}
