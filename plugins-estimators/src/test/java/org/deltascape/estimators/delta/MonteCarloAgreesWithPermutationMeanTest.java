package org.deltascape.estimators.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import org.deltascape.api.DeltaCurve;
import org.deltascape.api.DeltaProblem;
import org.deltascape.api.EstimationInputs;
import org.deltascape.api.Estimator;
import org.deltascape.api.Moments;
import org.deltascape.api.PartialSums;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Issue 2, test 5: Monte Carlo averaged over R = 64 random orders agrees with the closed-form
 * permutation mean, which is its exact expectation over orders given the same θ samples.
 *
 * <p>Synthetic losses {@code l_i(θ_s) = a_i + θ_s·g_i + 0.3 ε_{i,s}} (N = 500, b = 4, K = 124,
 * D = 3, S = 256, θ ~ N(0, I)). Each seed below is run, not picked: for every one, (1) the pooled
 * z-score of the plateaus, {@code (V_MC − V_PM)/√(se_MC² + se_PM²)}, is below 4; (2) every
 * per-k z-score {@code (Δ_k^MC − Δ_k^PM)/√(se_MC,k² + se_PM,k²)} is below 4; (3) the mean of those
 * z² lies in [0.05, 1.5]: below 1 because both standard errors contain the same sampling
 * variance over θ while the difference has only the variance over orders (so the sum is
 * conservative), but not so far below that the errors would be meaninglessly large; and (4) with
 * the sharp error of the difference, the spread of the per-order curves alone, {@code
 * sd_r(m_{r,k})/√R}, the mean z² over k lies in [0.5, 2] (it is about 1 when that error is right).
 *
 * <p>Observed (JDK 17): seed 1: plateau z 0.243, max |z_k| 2.138, mean z_k² 0.716, sharp 0.994;
 * seed 2: −0.126, 2.916, 0.766, 1.092; seed 3: −0.310, 3.121, 0.809, 1.148; seed 4: −0.064,
 * 2.981, 0.859, 1.251; seed 5: −0.044, 2.182, 0.770, 1.072.
 */
class MonteCarloAgreesWithPermutationMeanTest {
  private static final double Z_LIMIT = 4.0;
  private static final int EXAMPLES = 500;
  private static final int BLOCK = 4;
  private static final int DIMENSION = 3;
  private static final int SAMPLES = 256;
  private static final int ORDERS = 64;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void monteCarloOverManyOrdersMatchesThePermutationMean(long seed) {
    int[][] orders = new int[ORDERS][];
    for (int r = 0; r < ORDERS; r++) {
      orders[r] = permutation(EXAMPLES, new RandomKey(seed, "order", r));
    }
    DeltaProblem problem =
        new DeltaProblem(EXAMPLES, BLOCK, orders, DIMENSION, SAMPLES, Moments.gaussian(1));
    Estimator monteCarlo = new MonteCarloEstimator().create(Settings.empty("monte-carlo"));
    Estimator permutationMean =
        new PermutationMeanEstimator().create(Settings.empty("permutation-mean"));
    PartialSums mcSums = null;
    PartialSums pmSums = null;
    for (int first = 0; first < SAMPLES; first += 64) {
      INDArray losses = losses(seed, first, 64);
      PartialSums mc = monteCarlo.accumulate(problem, first, losses);
      PartialSums pm = permutationMean.accumulate(problem, first, losses);
      mcSums = mcSums == null ? mc : mcSums.then(mc);
      pmSums = pmSums == null ? pm : pmSums.then(pm);
    }
    DeltaCurve mc = monteCarlo.estimate(problem, new EstimationInputs(mcSums, null));
    DeltaCurve pm = permutationMean.estimate(problem, new EstimationInputs(pmSums, null));

    double plateauZ =
        (mc.plateau().value() - pm.plateau().value())
            / Math.hypot(mc.plateau().stdError(), pm.plateau().stdError());
    int steps = problem.steps();
    double maxZ = 0.0;
    double meanZ2 = 0.0;
    double meanSharpZ2 = 0.0;
    for (int j = 0; j < steps; j++) {
      double difference = mc.delta()[j] - pm.delta()[j];
      double z = difference / Math.hypot(mc.stdError()[j], pm.stdError()[j]);
      maxZ = Math.max(maxZ, Math.abs(z));
      meanZ2 += z * z / steps;
      double spread = 0.0;
      for (double[] order : mc.perOrder()) {
        spread += Math.pow(order[j] - mc.delta()[j], 2) / (ORDERS - 1);
      }
      meanSharpZ2 += difference * difference / (spread / ORDERS) / steps;
    }
    String scores =
        String.format(
            "seed %d: plateau z %.3f, max |z_k| %.3f, mean z_k² %.3f, sharp mean z_k² %.3f",
            seed, plateauZ, maxZ, meanZ2, meanSharpZ2);
    assertThat(Math.abs(plateauZ)).as(scores).isLessThan(Z_LIMIT);
    assertThat(maxZ).as(scores).isLessThan(Z_LIMIT);
    assertThat(meanZ2).as(scores).isBetween(0.05, 1.5);
    assertThat(meanSharpZ2).as(scores).isBetween(0.5, 2.0);
  }

  private static INDArray losses(long seed, int first, int n) {
    double[] a = new double[EXAMPLES];
    double[][] g = new double[EXAMPLES][DIMENSION];
    for (int i = 0; i < EXAMPLES; i++) {
      RandomGenerator example = new RandomKey(seed, "example", i).generator();
      a[i] = 2.0 + example.nextGaussian();
      for (int d = 0; d < DIMENSION; d++) {
        g[i][d] = example.nextGaussian();
      }
    }
    double[][] rows = new double[n][EXAMPLES];
    for (int s = 0; s < n; s++) {
      RandomGenerator sample = new RandomKey(seed, "theta", first + s).generator();
      double[] theta = new double[DIMENSION];
      for (int d = 0; d < DIMENSION; d++) {
        theta[d] = sample.nextGaussian();
      }
      for (int i = 0; i < EXAMPLES; i++) {
        double loss = a[i] + 0.3 * sample.nextGaussian();
        for (int d = 0; d < DIMENSION; d++) {
          loss += theta[d] * g[i][d];
        }
        rows[s][i] = loss;
      }
    }
    return Nd4j.createFromArray(rows);
  }

  private static int[] permutation(int n, RandomKey key) {
    RandomGenerator random = key.generator();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }
}
