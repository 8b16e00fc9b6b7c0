package org.deltascape.api;

/**
 * A configured curvature backend: finds the top eigenpairs of a symmetric operator from its
 * products alone. Instances are immutable and thread-safe; the operator is called from the
 * calling thread only.
 */
public interface EigenSolver {

  /**
   * The {@code count} algebraically largest eigenpairs of {@code operator} (not the largest in
   * absolute value: a Hessian may have negative eigenvalues).
   *
   * @param operator the symmetric operator; products are counted by the caller's wrapper
   * @param count D, at least 1 and at most the operator's dimension
   * @param key the seed of the start vector(s); the result is a function of it
   * @param progress reports products done
   * @throws DeltascapeException when the solver cannot meet its tolerance and was not allowed to
   *     go on, with the residuals it reached
   */
  Eigenpairs topEigenpairs(SymmetricOperator operator, int count, RandomKey key, Progress progress);

  /**
   * As {@link #topEigenpairs(SymmetricOperator, int, RandomKey, Progress)}, started from the
   * pairs of a nearby operator (H_k from H_{k−1}, say) where the solver can use them; by default
   * the warm start is ignored.
   *
   * @param warmStart eigenpairs of a nearby operator of the same dimension, or null
   */
  default Eigenpairs topEigenpairs(
      SymmetricOperator operator, int count, RandomKey key, Progress progress, Eigenpairs warmStart) {
    return topEigenpairs(operator, count, key, progress);
  }

  /**
   * The trace of the operator with its standard error (Hutchinson-type solvers).
   *
   * @throws DeltascapeException when the solver does not estimate traces (the default)
   */
  default Estimate trace(SymmetricOperator operator, RandomKey key, Progress progress) {
    throw new DeltascapeException(
        getClass().getSimpleName() + " does not estimate traces", null,
        "Use a curvature backend that does, such as hutchinson");
  }

  /**
   * The spectral density of the operator (stochastic Lanczos quadrature).
   *
   * @throws DeltascapeException when the solver does not estimate densities (the default)
   */
  default SpectralDensity density(SymmetricOperator operator, RandomKey key, Progress progress) {
    throw new DeltascapeException(
        getClass().getSimpleName() + " does not estimate spectral densities", null,
        "Use a curvature backend that does, such as slq");
  }
}
