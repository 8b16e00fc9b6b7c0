package org.deltascape.estimators.samplers;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The {@code n × D} output block of {@code ThetaSampler.sample}: its check and its filling. */
final class ThetaRows {
  private ThetaRows() {}

  /**
   * The number of rows n of {@code out}.
   *
   * @throws IllegalArgumentException unless {@code out} is a matrix of {@code dimension} columns
   */
  static int rows(INDArray out, int dimension) {
    if (out.rank() != 2 || out.columns() != dimension) {
      throw new IllegalArgumentException(
          "out must be n × " + dimension + ", not " + Arrays.toString(out.shape()));
    }
    return out.rows();
  }

  /** Writes row-major {@code values} ({@code n·D}) into {@code out}. */
  static void write(INDArray out, double[] values) {
    out.assign(Nd4j.create(values, new long[] {out.rows(), out.columns()}, 'c'));
  }
}
