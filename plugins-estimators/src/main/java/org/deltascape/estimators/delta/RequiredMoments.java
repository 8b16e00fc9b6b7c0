package org.deltascape.estimators.delta;

import org.deltascape.api.DeltaProblem;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Moments;

/** The sampler's moments, which the closed-form estimators cannot do without. Stateless. */
final class RequiredMoments {
  private RequiredMoments() {}

  /**
   * The moments of the run's sampler.
   *
   * @throws DeltascapeException naming the estimator when the sampler declares none
   */
  static Moments of(DeltaProblem problem, String estimator) {
    Moments moments = problem.moments();
    if (moments == null) {
      throw new DeltascapeException(
          "estimator " + estimator + " is written with the sampler's moments E θ_d², E θ_d⁴ and"
              + " E θ_d²θ_e², and this run's sampler declares none",
          "estimator " + estimator,
          "Use a sampler with known moments (gaussian, sobol, antithetic, uniform-ball, grid), or"
              + " drop " + estimator + " and keep monte-carlo");
    }
    return moments;
  }
}
