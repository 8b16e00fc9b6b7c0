package org.deltascape.api;

/**
 * SPI: a way to find top Hessian eigenpairs from Hessian-vector products ({@code lanczos},
 * {@code dense}, {@code power-iteration}, …).
 *
 * <p>Register an implementation in {@code
 * META-INF/services/org.deltascape.api.CurvatureBackend}; tests extend {@code
 * CurvatureBackendContract}, which checks against a dense eigendecomposition.
 */
public interface CurvatureBackend extends Plugin {

  /** A solver configured by the settings (tolerance, product budget, …). */
  EigenSolver create(Settings settings);
}
