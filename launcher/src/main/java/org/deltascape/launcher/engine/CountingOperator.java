package org.deltascape.launcher.engine;

import java.util.concurrent.atomic.AtomicInteger;
import org.deltascape.api.SymmetricOperator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Counts the products a curvature backend asks of an operator: the figure {@code spectrum.csv}
 * reports is counted here, not by the backend.
 */
final class CountingOperator implements SymmetricOperator {

  private final SymmetricOperator inner;
  private final AtomicInteger products = new AtomicInteger();

  CountingOperator(SymmetricOperator inner) {
    this.inner = inner;
  }

  @Override
  public long dimension() {
    return inner.dimension();
  }

  @Override
  public void apply(INDArray v, INDArray out) {
    products.incrementAndGet();
    inner.apply(v, out);
  }

  /** Products so far. */
  int products() {
    return products.get();
  }
}
