package org.deltascape.api;

/**
 * SPI: a way to estimate Δ_k = E_θ (L_{k+1}(w*+Pθ) − L_k(w*+Pθ))² for every k ({@code
 * monte-carlo}, {@code permutation-mean}, {@code quadratic}, …).
 *
 * <p>Register an implementation in {@code META-INF/services/org.deltascape.api.DeltaEstimator};
 * tests extend {@code EstimatorContract}.
 */
public interface DeltaEstimator extends Plugin {

  /** An estimator configured by the settings. */
  Estimator create(Settings settings);
}
