package org.deltascape.api;

/**
 * SPI: a sampling distribution p(θ) near the minimum ({@code gaussian}, …).
 *
 * <p>The engine reserves the keys {@code id} and {@code samples} (S) of the sampler's config.
 * Register an implementation in {@code META-INF/services/org.deltascape.api.Sampler}; tests
 * extend {@code SamplerContract}.
 */
public interface Sampler extends Plugin {

  /** A sampler of θ ∈ R^D configured by the settings (σ, …). */
  ThetaSampler create(Settings settings, int dimension);
}
