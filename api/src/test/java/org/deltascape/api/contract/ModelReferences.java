package org.deltascape.api.contract;

import java.util.function.Function;
import org.deltascape.api.Batch;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The reference computations of {@link ModelContract}: finite differences, norm-wise errors, and
 * small array conveniences.
 */
final class ModelReferences {
  private ModelReferences() {}

  /** {@code (−f(2h) + 8f(h) − 8f(−h) + f(−2h)) / 12h}, the derivative of f at 0 to O(h⁴). */
  static INDArray fivePoint(Function<Double, INDArray> f, double h) {
    INDArray result = f.apply(h).mul(8).subi(f.apply(-h).mul(8));
    return result.subi(f.apply(2 * h)).addi(f.apply(-2 * h)).divi(12 * h);
  }

  static Batch rows(Batch batch, int from, int to) {
    return new Batch(
        batch.features().get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup(),
        batch.targets().get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup());
  }

  static INDArray column(INDArray vector) {
    return vector.reshape(vector.length(), 1);
  }

  static INDArray unit(INDArray v) {
    return v.divi(norm(v));
  }

  static INDArray filled(long... shape) {
    return Nd4j.create(DataType.DOUBLE, shape).assign(Double.NaN);
  }

  static double[] exact(INDArray x) {
    return x.castTo(DataType.DOUBLE).reshape(x.length()).toDoubleVector();
  }

  static double norm(INDArray x) {
    return x.norm2Number().doubleValue();
  }

  static boolean isFinite(INDArray x) {
    return !x.isNaN().any() && !x.isInfinite().any();
  }

  /** ‖actual − reference‖ / ‖reference‖; NaN anywhere makes it NaN, which fails every bound. */
  static double relative(INDArray actual, INDArray reference) {
    INDArray a = actual.castTo(DataType.DOUBLE).reshape(actual.length());
    INDArray r = reference.castTo(DataType.DOUBLE).reshape(reference.length());
    if (!isFinite(a)) {
      return Double.NaN;
    }
    return norm(a.sub(r)) / norm(r);
  }
}
