package org.deltascape.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A model restricted to a low-dimensional space {@code w(θ) = w0 + Pθ}, θ ∈ R^D: what Monte Carlo
 * and the closed-form estimators evaluate. Created by {@link Model#restrict}. Not thread-safe.
 */
public interface SubspaceModel {

  /** D, the dimension of θ. */
  int dimension();

  /**
   * Per-example losses {@code l_i(w0 + Pθ_s)} for a block of S samples at once.
   *
   * @param thetas {@code S × D} DOUBLE, one θ per row
   * @param batch the examples, n of them
   * @param out {@code S × n} DOUBLE, overwritten: row s holds the n losses at θ_s
   */
  void losses(INDArray thetas, Batch batch, INDArray out);

  /**
   * Per example at θ = 0 (w0): the value {@code l_i(w0)}, the D-gradient {@code Pᵀ∇l_i(w0)} and
   * the D×D Hessian {@code Pᵀ∇²l_i(w0) P}, all exact.
   *
   * @param values {@code n} DOUBLE, overwritten
   * @param gradients {@code n × D} DOUBLE, overwritten
   * @param hessians {@code n × D × D} DOUBLE, overwritten (symmetric in its last two axes)
   */
  void derivatives(Batch batch, INDArray values, INDArray gradients, INDArray hessians);
}
