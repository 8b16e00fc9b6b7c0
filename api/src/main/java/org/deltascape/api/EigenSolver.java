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
}
