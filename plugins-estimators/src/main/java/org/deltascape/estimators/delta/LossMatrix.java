package org.deltascape.estimators.delta;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The {@code n × N} loss block of {@code Estimator.accumulate} as one row-major float64 array. */
final class LossMatrix {
  private LossMatrix() {}

  /**
   * The values of {@code losses}, row s at {@code [s·N, (s+1)·N)}.
   *
   * @throws IllegalArgumentException when it is not a matrix of {@code examples} columns
   */
  static double[] rowMajor(INDArray losses, int examples) {
    if (losses.rank() != 2 || losses.columns() != examples) {
      throw new IllegalArgumentException(
          "losses must be n × " + examples + ", not " + java.util.Arrays.toString(losses.shape()));
    }
    long length = losses.length();
    double[] flat = losses.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    if (flat.length != length) {
      throw new IllegalStateException("a copy of " + length + " losses holds " + flat.length);
    }
    return flat;
  }
}
