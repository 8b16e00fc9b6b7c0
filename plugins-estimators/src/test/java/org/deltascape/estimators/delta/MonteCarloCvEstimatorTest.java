package org.deltascape.estimators.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.DeltaCurve;
import org.deltascape.api.DeltaEstimator;
import org.deltascape.api.DeltaProblem;
import org.deltascape.api.EstimationInputs;
import org.deltascape.api.Estimator;
import org.deltascape.api.EstimatorInput;
import org.deltascape.api.ExampleDerivatives;
import org.deltascape.api.Moments;
import org.deltascape.api.PartialSums;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
import org.deltascape.api.contract.EstimatorContract;
import org.deltascape.estimators.samplers.GaussianSampler;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MonteCarloCvEstimatorTest extends EstimatorContract {

  /** Issue 4, test 5: seeds, and samples per seed. */
  private static final int SEEDS = 20;
  private static final int SAMPLES = 256;

  /**
   * The contract's synthetic losses are drawn with θ_s = the standard normals of key (13,
   * "contract/theta", s), which are exactly the gaussian sampler's θ of that key at σ = 1; this
   * adapter does what the engine does (prepared, then the four-argument accumulate with those θ).
   */
  @Override
  protected DeltaEstimator estimator() {
    MonteCarloCvEstimator real = new MonteCarloCvEstimator();
    return new DeltaEstimator() {
      @Override
      public String id() {
        return real.id();
      }

      @Override
      public String description() {
        return real.description();
      }

      @Override
      public List<ConfigKey> configKeys() {
        return real.configKeys();
      }

      @Override
      public Estimator create(Settings settings) {
        Estimator inner = real.create(settings);
        return new Estimator() {
          @Override
          public Set<EstimatorInput> inputs() {
            return inner.inputs();
          }

          @Override
          public PartialSums accumulate(DeltaProblem problem, long first, INDArray losses) {
            INDArray block = Nd4j.zeros(DataType.DOUBLE, losses.rows(), problem.dimension());
            new GaussianSampler().create(Settings.empty("sampler gaussian"), problem.dimension())
                .sample(new RandomKey(13, "contract/theta", 0), first, block);
            return inner.prepared(problem, ContractDerivatives.of(problem))
                .accumulate(problem, first, block, losses);
          }

          @Override
          public DeltaCurve estimate(DeltaProblem problem, EstimationInputs inputs) {
            return inner.estimate(problem, inputs);
          }
        };
      }
    };
  }

  @Override
  protected ExampleDerivatives derivatives(DeltaProblem problem) {
    return ContractDerivatives.of(problem);
  }

  @Test
  void onTheContractLossesWhichAreExactlyQuadraticTheRemainderVanishes() {
    DeltaProblem problem = problem();
    Estimator estimator = estimator().create(settings());
    PartialSums sums = estimator.accumulate(problem, 0, losses(problem, 0, 128));
    DeltaCurve curve = estimator.estimate(
        problem, new EstimationInputs(sums, ContractDerivatives.of(problem)));
    DeltaCurve exact = new QuadraticEstimator().create(Settings.empty("quadratic"))
        .estimate(problem, new EstimationInputs(null, ContractDerivatives.of(problem)));
    for (int j = 0; j < problem.steps(); j++) {
      assertThat(curve.delta()[j]).isCloseTo(exact.delta()[j],
          org.assertj.core.data.Percentage.withPercentage(1e-8));
    }
  }

  @Test
  void overTwentySeedsItsSpreadIsSmallerThanMonteCarlos() {
    LinearExamples logistic = new LinearExamples(64, 5, 2, true, 3);
    ExampleDerivatives derivatives = logistic.derivatives();
    double sigma = 0.5;
    DeltaProblem problem = QuadraticEstimatorTest.problem(
        64, 2, 2, 2, SAMPLES, Moments.gaussian(sigma), 43);
    Estimator cv = new MonteCarloCvEstimator().create(Settings.empty("monte-carlo-cv"))
        .prepared(problem, derivatives);
    Estimator mc = new MonteCarloEstimator().create(Settings.empty("monte-carlo"));
    int steps = problem.steps();
    double[][] cvCurves = new double[SEEDS][];
    double[][] mcCurves = new double[SEEDS][];
    double reduction = 0.0;
    for (int seed = 0; seed < SEEDS; seed++) {
      INDArray thetas = QuadraticEstimatorTest.gaussianThetas(sigma, 2, SAMPLES, 100 + seed);
      INDArray losses = logistic.losses(thetas.toDoubleMatrix());
      DeltaCurve cvCurve = cv.estimate(problem,
          new EstimationInputs(cv.accumulate(problem, 0, thetas, losses), derivatives));
      cvCurves[seed] = cvCurve.delta();
      mcCurves[seed] = mc.estimate(problem,
          new EstimationInputs(mc.accumulate(problem, 0, losses), null)).delta();
      reduction = (double) cvCurve.notes().get("variance-reduction-median");
    }
    double cvSpread = SamplerSpread.totalVariance(cvCurves, steps);
    double mcSpread = SamplerSpread.totalVariance(mcCurves, steps);
    assertThat(cvSpread).isLessThan(mcSpread);
    assertThat(reduction).isGreaterThan(1.0);
  }
}
