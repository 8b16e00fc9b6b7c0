package org.deltascape.estimators.delta;

import java.util.random.RandomGenerator;
import org.deltascape.api.DeltaProblem;
import org.deltascape.api.ExampleDerivatives;
import org.deltascape.api.RandomKey;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The exact derivatives at θ = 0 of EstimatorContract's synthetic losses {@code l_i(θ) = a_i +
 * θ·g_i + ½c_i|θ|²}, drawn from the same per-example streams: value a_i, gradient g_i, Hessian
 * c_i·I.
 */
final class ContractDerivatives {
  private ContractDerivatives() {}

  static ExampleDerivatives of(DeltaProblem problem) {
    int examples = problem.examples();
    int dim = problem.dimension();
    double[] values = new double[examples];
    double[][] gradients = new double[examples][dim];
    double[][][] hessians = new double[examples][dim][dim];
    for (int i = 0; i < examples; i++) {
      RandomGenerator example = new RandomKey(13, "contract/example", i).generator();
      values[i] = 1.0 + example.nextDouble();
      for (int d = 0; d < dim; d++) {
        gradients[i][d] = example.nextGaussian();
      }
      double curvature = example.nextDouble();
      for (int d = 0; d < dim; d++) {
        hessians[i][d][d] = curvature;
      }
    }
    return new ExampleDerivatives(
        Nd4j.createFromArray(values), Nd4j.createFromArray(gradients),
        Nd4j.createFromArray(hessians));
  }
}
