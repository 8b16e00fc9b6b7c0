package org.deltascape.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A symmetric linear map on R^n given only by its products, such as the Hessian H(w*) through
 * {@link Model#hessianVectorProduct}. Vectors are DOUBLE arrays of shape {@code [n]}.
 */
public interface SymmetricOperator {

  /** n. */
  long dimension();

  /** {@code out = A v}; {@code v} is not modified and is never the same array as {@code out}. */
  void apply(INDArray v, INDArray out);
}
