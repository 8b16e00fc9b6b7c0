package org.deltascape.estimators.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.deltascape.api.DeltaCurve;
import org.deltascape.api.DeltaEstimator;
import org.deltascape.api.DeltaProblem;
import org.deltascape.api.EstimationContext;
import org.deltascape.api.EstimationInputs;
import org.deltascape.api.Estimator;
import org.deltascape.api.ExampleDerivatives;
import org.deltascape.api.Moments;
import org.deltascape.api.PartialSums;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
import org.deltascape.api.contract.EstimatorContract;
import org.deltascape.estimators.samplers.GaussianSampler;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class BoundEstimatorTest extends EstimatorContract {

  /** Issue 4, test 6: standard errors of Monte Carlo the bound may fall short by. */
  private static final double ERRORS = 3.0;

  @Override
  protected DeltaEstimator estimator() {
    return new BoundEstimator();
  }

  @Override
  protected ExampleDerivatives derivatives(DeltaProblem problem) {
    return ContractDerivatives.of(problem);
  }

  @Test
  void theBoundIsAboveMonteCarloAtEveryK() {
    LinearExamples logistic = new LinearExamples(128, 5, 3, true, 4);
    double sigma = 1.0;
    int samples = 1024;
    DeltaProblem problem = QuadraticEstimatorTest.problem(
        128, 1, 3, 3, samples, Moments.gaussian(sigma), 47);
    INDArray thetas = QuadraticEstimatorTest.gaussianThetas(sigma, 3, samples, 53);
    INDArray losses = logistic.losses(thetas.toDoubleMatrix());
    Estimator mc = new MonteCarloEstimator().create(Settings.empty("monte-carlo"));
    DeltaCurve monteCarlo =
        mc.estimate(problem, new EstimationInputs(mc.accumulate(problem, 0, losses), null));
    EstimationContext context = logistic.context(
        new GaussianSampler().create(Settings.of("sampler", Map.of("sigma", sigma)), 3),
        new RandomKey(53, "theta/test", 0), problem.orders());
    Estimator bound = estimator().create(settings());
    PartialSums sums = bound.accumulate(problem, 0, losses);
    DeltaCurve curve = bound.estimate(
        problem, new EstimationInputs(sums, logistic.derivatives(), context));
    for (int j = 0; j < problem.steps(); j++) {
      assertThat(curve.delta()[j]).as("k = %d", j + 1)
          .isGreaterThanOrEqualTo(monteCarlo.delta()[j] - ERRORS * monteCarlo.stdError()[j]);
    }
    assertThat(curve.notes()).containsKeys("M_l", "M_g", "M_H", "norms-from");
    assertThat((String) curve.notes().get("norms-from")).contains("at 4 θ samples");
  }

  @Test
  void theLossCeilingIsAtLeastTheMaximumAndAtMostOneBinAbove() {
    for (double m : new double[] {1e-3, 0.37, 1.0, 2.0, 3.1, 1234.5}) {
      double ceiling = LossCeiling.edge(LossCeiling.bin(m));
      assertThat(ceiling).isGreaterThanOrEqualTo(m).isLessThan(m * Math.pow(2, 1.0 / 16) * 1.0001);
    }
  }
}
