package org.deltascape.api;

/** What an estimator needs the engine to compute for it. */
public enum EstimatorInput {
  /**
   * The per-example losses {@code l_i(w* + Pθ_s)} of every θ sample, handed to {@link
   * Estimator#accumulate} block by block. Computed once per space and shared by all estimators.
   */
  LOSS_SAMPLES,
  /** Per-example value, D-gradient and D×D Hessian at w* ({@link ExampleDerivatives}). */
  DERIVATIVES,
  /** The model, the space and prefix curvature ({@link EstimationContext}). */
  MODEL
}
