package org.deltascape.launcher.engine;

import java.io.Serializable;
import org.deltascape.api.DeltaCurve;
import org.deltascape.api.Estimate;
import org.deltascape.estimators.delta.SufficientSize;

/**
 * One estimator's answer in one space, with what the engine derives from it. Serializable (a
 * point computed elsewhere travels back whole): K(ε) travels as its numbers.
 *
 * @param estimator the estimator's id
 * @param curve Δ_k for every k
 * @param plateau V with its standard error
 * @param sufficient K(ε) with its interval
 */
public record EstimatorResult(
    String estimator, DeltaCurve curve, Estimate plateau, SufficientSize sufficient)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  private Object writeReplace() {
    return sufficient == null ? new Sent(estimator, curve, plateau, false, 0, null, null, null, null)
        : new Sent(estimator, curve, plateau, true, sufficient.epsilon(), sufficient.k(),
            sufficient.kLow(), sufficient.kHigh(), sufficient.examples());
  }

  /** An estimator's result as it travels, K(ε) (when {@code sized}) as its numbers. */
  private record Sent(String estimator, DeltaCurve curve, Estimate plateau, boolean sized,
      double epsilon, Integer k, Integer kLow, Integer kHigh, Integer examples)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    private Object readResolve() {
      return new EstimatorResult(estimator, curve, plateau,
          sized ? new SufficientSize(epsilon, k, kLow, kHigh, examples) : null);
    }
  }
}
