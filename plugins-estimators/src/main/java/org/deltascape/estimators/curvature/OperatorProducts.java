package org.deltascape.estimators.curvature;

import org.deltascape.api.Progress;
import org.deltascape.api.SymmetricOperator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Products {@code A v} of a {@link SymmetricOperator} on plain float64 vectors, one progress unit
 * each. The backends keep their vectors as {@code double[]} (so that their arithmetic is plain
 * Java loops, deterministic and allocation-light) and cross into ND4J only here. Not thread-safe.
 */
final class OperatorProducts {
  private final SymmetricOperator operator;
  private final Progress.Task task;
  private final INDArray out;
  private final int dimension;

  OperatorProducts(SymmetricOperator operator, Progress.Task task) {
    long n = operator.dimension();
    if (n < 1 || n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("operator dimension " + n + " is not supported");
    }
    this.operator = operator;
    this.task = task;
    this.dimension = (int) n;
    this.out = Nd4j.create(DataType.DOUBLE, n);
  }

  /** n. */
  int dimension() {
    return dimension;
  }

  /** {@code A v} as a new array; {@code v} is not modified. */
  double[] apply(double[] v) {
    operator.apply(Nd4j.createFromArray(v), out);
    task.advance(1);
    double[] result = out.toDoubleVector();
    if (result.length != dimension) {
      throw new IllegalStateException("the operator wrote " + result.length + " of " + dimension);
    }
    return result;
  }
}
