package org.deltascape.estimators.delta;

import org.deltascape.api.DeltaCurve;
import org.deltascape.api.DeltaProblem;
import org.deltascape.api.Estimate;

/**
 * The plateau V of a Δ curve (issue 2, "Why many data orders"): averaged over data orders,
 * {@code E_order Δ_k = N/(N−1) · V / (b·k·(k+1))} with {@code V = E_θ Var_i l_i(w*+Pθ)}, so
 * {@code Δ_k · b·k(k+1)·(N−1)/N} is flat in k and its mean over the upper half of k (k &gt; K/2,
 * where the curve has settled) estimates V. Stateless.
 */
public final class Plateau {
  private Plateau() {}

  /**
   * The curve's own plateau when it has one (estimators that can give a better standard error);
   * else V = mean over k &gt; K/2 of {@code Δ_k · factor(k)} with the conservative standard error
   * {@code mean over the same k of se_k · factor(k)}, as if the Δ_k were fully correlated (NaN
   * when any of them is unknown).
   */
  public static Estimate of(DeltaProblem problem, DeltaCurve curve) {
    if (curve.plateau() != null) {
      return curve.plateau();
    }
    double[] delta = curve.delta();
    double[] stdError = curve.stdError();
    int steps = delta.length;
    int from = firstUpperStep(steps);
    double value = 0.0;
    double error = 0.0;
    for (int k = from; k <= steps; k++) {
      double factor = factor(problem, k);
      value += delta[k - 1] * factor;
      error += stdError[k - 1] * factor;
    }
    int count = steps - from + 1;
    return new Estimate(value / count, error / count);
  }

  /** The first k of the upper half, the smallest k with k &gt; K/2. */
  public static int firstUpperStep(int steps) {
    return steps / 2 + 1;
  }

  /** {@code b·k(k+1)·(N−1)/N}: the factor that turns Δ_k into the plateau's units. */
  public static double factor(DeltaProblem problem, int k) {
    return problem.blockSize() * (double) k * (k + 1) / problem.finitePopulationFactor();
  }
}
