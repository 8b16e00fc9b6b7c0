package org.deltascape.estimators.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.deltascape.api.DeltaCurve;
import org.deltascape.api.DeltaEstimator;
import org.deltascape.api.DeltaProblem;
import org.deltascape.api.DeltascapeException;
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
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class QuadraticEstimatorTest extends EstimatorContract {

  /** Issue 4, test 2: the largest |z| over k, and the range of the mean z². */
  private static final double MAX_Z = 5.0;
  private static final double MEAN_Z2_LOW = 0.7;
  private static final double MEAN_Z2_HIGH = 1.3;
  /** Issue 4, test 2: the smallest share of each of the a, c and B terms. */
  private static final double MIN_SHARE = 0.10;
  /** Exact forms computed in two ways differ by rounding only. */
  private static final double EXACTNESS = 1e-10;

  @Override
  protected DeltaEstimator estimator() {
    return new QuadraticEstimator();
  }

  @Override
  protected ExampleDerivatives derivatives(DeltaProblem problem) {
    return ContractDerivatives.of(problem);
  }

  /** θ_0 … θ_{S−1} of the gaussian sampler, {@code S × D}. */
  static INDArray gaussianThetas(double sigma, int dimension, int samples, long seed) {
    INDArray thetas = Nd4j.zeros(DataType.DOUBLE, samples, dimension);
    new GaussianSampler()
        .create(Settings.of("sampler gaussian", Map.of("sigma", sigma)), dimension)
        .sample(new RandomKey(seed, "theta/test", 0), 0, thetas);
    return thetas;
  }

  static DeltaProblem problem(int examples, int b, int orders, int dimension, int samples,
      Moments moments, long seed) {
    int[][] permutations = new int[orders][];
    for (int r = 0; r < orders; r++) {
      permutations[r] = permutation(examples, new RandomKey(seed, "order", r));
    }
    return new DeltaProblem(examples, b, permutations, dimension, samples, moments);
  }

  /**
   * z_k = (MC − quadratic)/se_k, se_k the Monte Carlo error given the orders (the orders are the
   * same for both, so only the sampling of θ is error: var_s(mean_r inc²)/S, not the crossed-design
   * error that also counts the spread over orders).
   */
  static double[] zScores(DeltaProblem problem, PartialSums sums, DeltaCurve mc, DeltaCurve exact) {
    MonteCarloLayout layout = new MonteCarloLayout(problem.orderCount(), problem.steps());
    double samples = sums.count();
    double[] z = new double[problem.steps()];
    for (int j = 0; j < z.length; j++) {
      double variance =
          MonteCarlo.sampleVariance(sums.sums()[layout.orderMeanSquares(j)], mc.delta()[j], samples);
      z[j] = (mc.delta()[j] - exact.delta()[j]) / Math.sqrt(variance / samples);
    }
    return z;
  }

  @Test
  void onAnExactlyQuadraticLossQuadraticAndMonteCarloAgree() {
    LinearExamples linear = new LinearExamples(120, 6, 3, false, 5);
    double sigma = 0.3; // shares of a², m2‖c‖² and the quartic term: about 0.26, 0.49, 0.21
    int samples = 8192;
    DeltaProblem problem = problem(120, 2, 3, 3, samples, Moments.gaussian(sigma), 23);
    DeltaCurve exact =
        estimator().create(settings())
            .estimate(problem, new EstimationInputs(null, linear.derivatives()));
    assertThat((double) exact.notes().get("share-constant")).isGreaterThanOrEqualTo(MIN_SHARE);
    assertThat((double) exact.notes().get("share-linear")).isGreaterThanOrEqualTo(MIN_SHARE);
    assertThat((double) exact.notes().get("share-quartic")).isGreaterThanOrEqualTo(MIN_SHARE);

    Estimator monteCarlo = new MonteCarloEstimator().create(Settings.empty("monte-carlo"));
    INDArray thetas = gaussianThetas(sigma, 3, samples, 29);
    PartialSums sums = monteCarlo.accumulate(problem, 0, linear.losses(thetas.toDoubleMatrix()));
    DeltaCurve mc = monteCarlo.estimate(problem, new EstimationInputs(sums, null));
    double[] z = zScores(problem, sums, mc, exact);
    double meanSquare = 0.0;
    for (double value : z) {
      assertThat(Math.abs(value)).isLessThanOrEqualTo(MAX_Z);
      meanSquare += value * value / z.length;
    }
    assertThat(meanSquare).isBetween(MEAN_Z2_LOW, MEAN_Z2_HIGH);
  }

  @Test
  void withRandomDirectionsItEqualsMonteCarloOfTheQuadraticModelAtTheSameTheta() {
    LinearExamples logistic = new LinearExamples(96, 5, 2, true, 8);
    ExampleDerivatives derivatives = logistic.derivatives();
    double sigma = 1.0;
    int samples = 4096;
    DeltaProblem problem = problem(96, 4, 2, 2, samples, Moments.gaussian(sigma), 31);
    DeltaCurve exact =
        estimator().create(settings()).estimate(problem, new EstimationInputs(null, derivatives));
    // q_i(θ) = l_i + g_iᵀθ + ½θᵀH_iθ written out per example, independently of the prefix sums.
    double[][] theta = gaussianThetas(sigma, 2, samples, 37).toDoubleMatrix();
    double[] v = derivatives.values().toDoubleVector();
    double[][] g = derivatives.gradients().toDoubleMatrix();
    double[][] model = new double[samples][96];
    for (int s = 0; s < samples; s++) {
      for (int i = 0; i < 96; i++) {
        double value = v[i];
        for (int d = 0; d < 2; d++) {
          value += g[i][d] * theta[s][d];
          for (int e = 0; e < 2; e++) {
            value += 0.5 * theta[s][d] * derivatives.hessians().getDouble(i, d, e) * theta[s][e];
          }
        }
        model[s][i] = value;
      }
    }
    Estimator monteCarlo = new MonteCarloEstimator().create(Settings.empty("monte-carlo"));
    PartialSums sums = monteCarlo.accumulate(problem, 0, Nd4j.createFromArray(model));
    DeltaCurve mc = monteCarlo.estimate(problem, new EstimationInputs(sums, null));
    for (double value : zScores(problem, sums, mc, exact)) {
      assertThat(Math.abs(value)).isLessThanOrEqualTo(MAX_Z);
    }
  }

  @Test
  void hutchinsonProbesAboveTheExactDimensionAgreeWithTheExactForm() {
    LinearExamples logistic = new LinearExamples(64, 8, 6, true, 9);
    DeltaProblem problem = problem(64, 2, 2, 6, 64, Moments.gaussian(0.5), 41);
    EstimationInputs inputs = new EstimationInputs(null, logistic.derivatives());
    DeltaCurve exact = estimator().create(settings()).estimate(problem, inputs);
    DeltaCurve probed =
        estimator().create(Settings.of("quadratic", Map.of("exact-up-to", 4, "probes", 256)))
            .estimate(problem, inputs);
    assertThat(exact.stdError()).containsOnly(0.0);
    assertThat((String) probed.notes().get("traces")).contains("Hutchinson");
    for (int j = 0; j < problem.steps(); j++) {
      assertThat(probed.stdError()[j]).isPositive();
      assertThat(Math.abs(probed.delta()[j] - exact.delta()[j]))
          .as("k = %d", j + 1)
          .isLessThanOrEqualTo(MAX_Z * probed.stdError()[j] + EXACTNESS * exact.delta()[j]);
    }
  }

  @Test
  void aSamplerWithoutMomentsIsRefusedByName() {
    DeltaProblem problem = problem(20, 1, 1, 2, 8, null, 1);
    assertThatThrownBy(
            () -> estimator().create(settings())
                .estimate(problem, new EstimationInputs(null, ContractDerivatives.of(problem))))
        .isInstanceOf(DeltascapeException.class)
        .hasMessageStartingWith("estimator quadratic: estimator quadratic is written with the"
            + " sampler's moments");
  }
}
