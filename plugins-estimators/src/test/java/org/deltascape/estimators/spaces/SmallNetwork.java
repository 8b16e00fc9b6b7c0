package org.deltascape.estimators.spaces;

import java.util.List;
import java.util.random.RandomGenerator;
import org.deltascape.api.ParameterLayout;
import org.deltascape.api.ParameterTensor;
import org.deltascape.api.ParameterTensor.Role;
import org.deltascape.api.RandomKey;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A small convolutional network's parameter layout and a seeded w* for it: {@code conv.weight
 * [4, 2, 3, 3]}, {@code conv.bias [4]}, {@code fc.weight [3, 8]}, {@code fc.bias [3]}; P = 103.
 */
final class SmallNetwork {
  static final int P = 103;

  private SmallNetwork() {}

  static ParameterLayout layout() {
    return new ParameterLayout(
        List.of(
            new ParameterTensor("conv.weight", List.of(4, 2, 3, 3), 0, Role.WEIGHT, 1),
            new ParameterTensor("conv.bias", List.of(4), 72, Role.BIAS, -1),
            new ParameterTensor("fc.weight", List.of(3, 8), 76, Role.WEIGHT, 1),
            new ParameterTensor("fc.bias", List.of(3), 100, Role.BIAS, -1)));
  }

  /** w*: Gaussian entries of standard deviation 1 + tensor index, from seed 5. */
  static INDArray weights() {
    RandomGenerator random = new RandomKey(5, "test/w-star", 0).generator();
    double[] w = new double[P];
    for (int i = 0; i < P; i++) {
      w[i] = (1 + (i >= 72 ? 1 : 0) + (i >= 76 ? 1 : 0) + (i >= 100 ? 1 : 0))
          * random.nextGaussian();
    }
    return Nd4j.createFromArray(w);
  }

  /** The Euclidean norm of {@code v[from, from + length)}. */
  static double norm(double[] v, int from, int length) {
    double sum = 0.0;
    for (int i = from; i < from + length; i++) {
      sum += v[i] * v[i];
    }
    return Math.sqrt(sum);
  }

  /** Column d of a P × D matrix given by rows. */
  static double[] column(double[][] rows, int d) {
    double[] column = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      column[i] = rows[i][d];
    }
    return column;
  }
}
