package org.deltascape.estimators.delta;

/**
 * Where the {@code monte-carlo-cv} estimator keeps each sum in {@link
 * org.deltascape.api.PartialSums#sums()}, for R orders and K steps ({@code j = k − 1}; for sample
 * s and order r, inc is the increment of the true loss and inc_q that of its quadratic model at the
 * same θ_s, and {@code x = inc² − inc_q²}):
 *
 * <pre>
 *   [r·K + j]            Σ_s x                                   R·K values
 *   [R·K + r·K + j]      Σ_s inc²                                R·K values
 *   [2·R·K + j]          Σ_s y_{s,k}²,  y_{s,k} = mean_r x       K values
 *   [2·R·K + K + j]      Σ_s u_{s,k}²,  u_{s,k} = mean_r inc²    K values
 * </pre>
 *
 * The length is {@code 2RK + 2K}.
 *
 * @param orders R
 * @param steps K
 */
record ControlVariateLayout(int orders, int steps) {

  int length() {
    return 2 * orders * steps + 2 * steps;
  }

  int remainders(int r, int j) {
    return r * steps + j;
  }

  int squares(int r, int j) {
    return orders * steps + r * steps + j;
  }

  int remainderMeanSquares(int j) {
    return 2 * orders * steps + j;
  }

  int plainMeanSquares(int j) {
    return 2 * orders * steps + steps + j;
  }
}
