package org.deltascape.estimators.delta;

import java.util.Arrays;
import org.deltascape.api.DeltaCurve;
import org.deltascape.api.DeltaProblem;

/**
 * The Δ-sufficient size of PAPER.md for a tolerance ε: {@code K(ε) = min{k : Δ_{k'} < ε for all
 * k' ≥ k}}, the first k after which the curve stays below ε (not its first crossing), with an
 * interval.
 *
 * @param epsilon ε
 * @param k K(ε) in steps (blocks of b examples), or null when Δ_K ≥ ε (never reached)
 * @param kLow the lower end of its interval, or null when not reached even there
 * @param kHigh the upper end of its interval, or null when not reached there
 * @param examples {@code k · b}, or null with k
 */
public record SufficientSize(
    double epsilon, Integer k, Integer kLow, Integer kHigh, Integer examples) {

  private static final double Z95 = 1.959963984540054;
  private static final int NEVER = Integer.MAX_VALUE;

  /**
   * K(ε) of a curve, with its interval.
   *
   * <p>With Δ_k per data order (at least two rows of {@link DeltaCurve#perOrder()}): k is the
   * median of the orders' K_r(ε) (an order that never gets below ε counts as +∞; for an even
   * number of orders the mean of the two middle values, rounded up; null when the median is
   * infinite), and the interval runs between the empirical 2.5% and 97.5% nearest-rank quantiles
   * of the K_r (an infinite end is null). Otherwise k is K(ε) of the mean curve and the interval
   * comes from its 95% band: kLow is K(ε) of {@code Δ_k − 1.96 se_k}, kHigh of {@code Δ_k + 1.96
   * se_k}.
   */
  public static SufficientSize of(DeltaProblem problem, DeltaCurve curve, double epsilon) {
    double[][] perOrder = curve.perOrder();
    Integer k;
    Integer low;
    Integer high;
    if (perOrder != null && perOrder.length >= 2) {
      int[] steps = new int[perOrder.length];
      for (int r = 0; r < perOrder.length; r++) {
        Integer kr = step(perOrder[r], epsilon);
        steps[r] = kr == null ? NEVER : kr;
      }
      Arrays.sort(steps);
      k = finite(median(steps));
      low = finite(nearestRank(steps, 0.025));
      high = finite(nearestRank(steps, 0.975));
    } else {
      double[] delta = curve.delta();
      double[] stdError = curve.stdError();
      double[] lower = new double[delta.length];
      double[] upper = new double[delta.length];
      for (int j = 0; j < delta.length; j++) {
        lower[j] = delta[j] - Z95 * stdError[j];
        upper[j] = delta[j] + Z95 * stdError[j];
      }
      k = step(delta, epsilon);
      low = step(lower, epsilon);
      high = step(upper, epsilon);
    }
    return new SufficientSize(epsilon, k, low, high, k == null ? null : k * problem.blockSize());
  }

  /**
   * K(ε) of one curve ({@code delta[j]} is Δ_{j+1}): the smallest k with {@code Δ_{k'} < ε} for
   * every k' ≥ k, or null when Δ_K ≥ ε. A NaN Δ counts as not below ε.
   */
  public static Integer step(double[] delta, double epsilon) {
    int k = delta.length + 1;
    for (int j = delta.length - 1; j >= 0 && delta[j] < epsilon; j--) {
      k = j + 1;
    }
    return k > delta.length ? null : k;
  }

  private static int median(int[] sorted) {
    int n = sorted.length;
    if (n % 2 == 1) {
      return sorted[n / 2];
    }
    int a = sorted[n / 2 - 1];
    int b = sorted[n / 2];
    return b == NEVER ? NEVER : (int) ((a + (long) b + 1) / 2);
  }

  private static int nearestRank(int[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(1, Math.min(sorted.length, rank)) - 1];
  }

  private static Integer finite(int step) {
    return step == NEVER ? null : step;
  }
}
