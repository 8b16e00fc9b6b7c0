package org.deltascape.estimators.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.deltascape.api.DeltaProblem;
import org.deltascape.api.EstimationInputs;
import org.deltascape.api.Estimator;
import org.deltascape.api.Moments;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Sampler;
import org.deltascape.api.Settings;
import org.deltascape.estimators.samplers.GaussianSampler;
import org.deltascape.estimators.samplers.SobolSampler;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Issue 4, test 5 (first half): on a smooth case, scrambled Sobol spreads less than Gaussian. */
class SobolSpreadTest {

  private static final int SEEDS = 20;
  private static final int SAMPLES = 256;

  private static double spread(Sampler sampler, LinearExamples logistic, DeltaProblem problem) {
    Estimator mc = new MonteCarloEstimator().create(Settings.empty("monte-carlo"));
    var thetas = sampler.create(Settings.of("sampler", Map.of("sigma", 0.5)), 2);
    double[][] curves = new double[SEEDS][];
    for (int seed = 0; seed < SEEDS; seed++) {
      INDArray theta = Nd4j.zeros(DataType.DOUBLE, SAMPLES, 2);
      thetas.sample(new RandomKey(200 + seed, "theta/test", 0), 0, theta);
      INDArray losses = logistic.losses(theta.toDoubleMatrix());
      curves[seed] = mc.estimate(problem,
          new EstimationInputs(mc.accumulate(problem, 0, losses), null)).delta();
    }
    return SamplerSpread.totalVariance(curves, problem.steps());
  }

  @Test
  void overTwentySeedsSobolSpreadsLessThanGaussian() {
    LinearExamples logistic = new LinearExamples(64, 5, 2, true, 3);
    DeltaProblem problem = QuadraticEstimatorTest.problem(
        64, 2, 2, 2, SAMPLES, Moments.gaussian(0.5), 43);
    double sobol = spread(new SobolSampler(), logistic, problem);
    double gaussian = spread(new GaussianSampler(), logistic, problem);
    assertThat(sobol).isLessThan(gaussian);
  }
}
