package org.deltascape.estimators.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import org.deltascape.api.DeltaCurve;
import org.deltascape.api.DeltaEstimator;
import org.deltascape.api.DeltaProblem;
import org.deltascape.api.EstimationInputs;
import org.deltascape.api.Estimator;
import org.deltascape.api.Moments;
import org.deltascape.api.RandomKey;
import org.deltascape.api.contract.EstimatorContract;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class MonteCarloEstimatorTest extends EstimatorContract {

  /** Issue 2, test 3: prefix sums against a naive recomputation, per k and norm-wise. */
  private static final double EXACTNESS = 1e-12;

  @Override
  protected DeltaEstimator estimator() {
    return new MonteCarloEstimator();
  }

  @Test
  void deltaFromThePrefixSumPassEqualsANaiveRecomputationOfEveryLk() {
    int examples = 203; // a partial last block of 3 is dropped: K = 49
    int b = 4;
    int[][] orders = new int[3][];
    for (int r = 0; r < orders.length; r++) {
      orders[r] = permutation(examples, new RandomKey(41, "order", r));
    }
    DeltaProblem problem = new DeltaProblem(examples, b, orders, 2, 10, Moments.gaussian(1));
    int samples = 10;
    INDArray losses = losses(problem, 0, samples);
    Estimator estimator = estimator().create(settings());
    DeltaCurve curve =
        estimator.estimate(
            problem, new EstimationInputs(estimator.accumulate(problem, 0, losses), null));

    // Naive: every L_k recomputed from scratch as the exact mean of its first k·b losses (in
    // BigDecimal, so the reference has no rounding of its own), then Δ_k = mean of squares.
    double[][] l = losses.toDoubleMatrix();
    int steps = problem.steps();
    assertThat(steps).isEqualTo(49);
    double[] naive = new double[steps];
    double[][] naivePerOrder = new double[orders.length][steps];
    for (int s = 0; s < samples; s++) {
      for (int r = 0; r < orders.length; r++) {
        for (int k = 1; k <= steps; k++) {
          BigDecimal difference =
              prefixMean(l[s], orders[r], (k + 1) * b).subtract(prefixMean(l[s], orders[r], k * b));
          double square = difference.doubleValue() * difference.doubleValue();
          naivePerOrder[r][k - 1] += square / samples;
          naive[k - 1] += square / samples / orders.length;
        }
      }
    }
    double difference = 0.0;
    double norm = 0.0;
    for (int j = 0; j < steps; j++) {
      assertThat(Math.abs(curve.delta()[j] - naive[j]))
          .as("Δ_%d", j + 1)
          .isLessThanOrEqualTo(EXACTNESS * naive[j]);
      for (int r = 0; r < orders.length; r++) {
        assertThat(Math.abs(curve.perOrder()[r][j] - naivePerOrder[r][j]))
            .isLessThanOrEqualTo(EXACTNESS * naivePerOrder[r][j]);
      }
      difference += Math.pow(curve.delta()[j] - naive[j], 2);
      norm += naive[j] * naive[j];
    }
    assertThat(Math.sqrt(difference)).isLessThanOrEqualTo(EXACTNESS * Math.sqrt(norm));
  }

  @Test
  void oneOrderHasOnlyTheSampleTermInItsStandardError() {
    int examples = 40;
    int[][] orders = {permutation(examples, new RandomKey(1, "order", 0))};
    DeltaProblem problem = new DeltaProblem(examples, 2, orders, 2, 64, Moments.gaussian(1));
    Estimator estimator = estimator().create(settings());
    INDArray losses = losses(problem, 0, 64);
    DeltaCurve curve =
        estimator.estimate(
            problem, new EstimationInputs(estimator.accumulate(problem, 0, losses), null));
    double[][] l = losses.toDoubleMatrix();
    // k = 3: increments of each sample directly, then the textbook standard error of a mean.
    int k = 3;
    double[] squares = new double[64];
    double mean = 0.0;
    for (int s = 0; s < 64; s++) {
      double lk = 0.0;
      for (int p = 0; p < k * 2; p++) {
        lk += l[s][orders[0][p]];
      }
      lk /= k * 2;
      double block = (l[s][orders[0][2 * k]] + l[s][orders[0][2 * k + 1]]) / 2;
      squares[s] = Math.pow((block - lk) / (k + 1), 2);
      mean += squares[s] / 64;
    }
    double variance = 0.0;
    for (double square : squares) {
      variance += (square - mean) * (square - mean) / 63;
    }
    assertThat(curve.delta()[k - 1]).isCloseTo(mean, within(1e-14));
    assertThat(curve.stdError()[k - 1])
        .isCloseTo(Math.sqrt(variance / 64), within(1e-12));
  }

  private static BigDecimal prefixMean(double[] losses, int[] order, int count) {
    BigDecimal sum = BigDecimal.ZERO;
    for (int p = 0; p < count; p++) {
      sum = sum.add(new BigDecimal(losses[order[p]]));
    }
    return sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL128);
  }
}
