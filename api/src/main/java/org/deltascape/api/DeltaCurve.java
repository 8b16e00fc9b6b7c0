package org.deltascape.api;

import java.util.Map;
import java.util.Objects;

/**
 * An estimator's answer: Δ_k for k = 1 … K with uncertainties.
 *
 * @param delta Δ_k at index k − 1; never null
 * @param stdError the standard error of each Δ_k (0 where exact, NaN where unknown); same length
 * @param perOrder R × K: Δ_k of each data order alone (mean over samples), for K(ε)'s interval
 *     over orders; null for estimators that average over orders analytically
 * @param plateau the plateau V = mean over the upper half of k of Δ_k·b·k(k+1)·(N−1)/N with its
 *     standard error, where the estimator can give a better error than the engine's
 *     conservative one; or null
 * @param notes facts the user should see (variance reductions, approximations made); never null
 */
public record DeltaCurve(
    double[] delta,
    double[] stdError,
    double[][] perOrder,
    Estimate plateau,
    Map<String, Object> notes) implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public DeltaCurve {
    Objects.requireNonNull(delta, "delta");
    Objects.requireNonNull(stdError, "stdError");
    if (delta.length != stdError.length) {
      throw new IllegalArgumentException("delta and stdError differ in length");
    }
    notes = Map.copyOf(notes);
  }

  /** K. */
  public int steps() {
    return delta.length;
  }
}
