package org.deltascape.launcher.engine;

import org.deltascape.api.SymmetricOperator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Counts the products a curvature backend asks of an operator: the figure {@code spectrum.csv}
 * reports is counted here, not by the backend.
 */
final class CountingOperator implements SymmetricOperator {

  private final SymmetricOperator inner;
  private final Runnable onProduct;

  CountingOperator(SymmetricOperator inner, Runnable onProduct) {
    this.inner = inner;
    this.onProduct = onProduct;
  }

  @Override
  public long dimension() {
    return inner.dimension();
  }

  @Override
  public void apply(INDArray v, INDArray out) {
    onProduct.run();
    inner.apply(v, out);
  }
}
