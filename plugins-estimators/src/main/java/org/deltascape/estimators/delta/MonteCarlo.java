package org.deltascape.estimators.delta;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.deltascape.api.DeltaCurve;
import org.deltascape.api.DeltaProblem;
import org.deltascape.api.EstimationInputs;
import org.deltascape.api.Estimate;
import org.deltascape.api.Estimator;
import org.deltascape.api.EstimatorInput;
import org.deltascape.api.PartialSums;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Monte Carlo estimation of {@code Δ_k = E_θ (L_{k+1}(w*+Pθ) − L_k(w*+Pθ))²} (PAPER.md,
 * "Estimators of Δ_k", 1) over S samples θ_s and R data orders, each order fixed across samples.
 *
 * <p><b>One pass per (sample, order).</b> For sample s and order r the positions of the order are
 * walked once, keeping the prefix sum of the first k·b losses; the increment is computed as
 * {@code inc = (B_{k+1} − L_k)/(k+1)} with {@code B_{k+1}} the mean of the next block (PAPER.md,
 * "Definitions"), which is exact algebra and avoids the cancellation of a difference of two
 * nearly equal prefix means. Nothing is recomputed per k and the loop allocates nothing. The sums
 * kept are laid out by {@link MonteCarloLayout}.
 *
 * <p><b>Estimate.</b> {@code Δ_k = mean over orders and samples of inc²}; {@code perOrder[r][k]
 * = m_{r,k}}, the mean over samples for order r alone. The standard error is
 * {@code se_k² = var_r(m_{r,k})/R + var_s(y_{s,k})/S} with {@code y_{s,k}} the mean over orders
 * of sample s's inc² (only the second term when R = 1): for this crossed design (every sample
 * meets every order) each term also carries part of the order × sample interaction, so the sum is
 * slightly conservative. The plateau (issue 2) is {@code V = mean over k > K/2 of
 * Δ_k·b·k(k+1)·(N−1)/N} with the error built the same way from the per-order plateaus {@code V_r}
 * and the per-sample plateaus {@code V_s}.
 *
 * <p>Immutable and thread-safe.
 */
final class MonteCarlo implements Estimator {
  private final String id;

  MonteCarlo(String id) {
    this.id = id;
  }

  @Override
  public Set<EstimatorInput> inputs() {
    return Set.of(EstimatorInput.LOSS_SAMPLES);
  }

  @Override
  public PartialSums accumulate(DeltaProblem problem, long first, INDArray losses) {
    int n = losses.rows();
    int examples = problem.examples();
    double[] flat = LossMatrix.rowMajor(losses, examples);
    int steps = problem.steps();
    int b = problem.blockSize();
    int[][] orders = problem.orders();
    int orderCount = orders.length;
    MonteCarloLayout layout = new MonteCarloLayout(orderCount, steps);
    double[] sums = new double[layout.length()];
    int fourth = layout.fourthPowers(0, 0);
    int upper = Plateau.firstUpperStep(steps);
    double[] factors = new double[steps];
    for (int j = 0; j < steps; j++) {
      factors[j] = Plateau.factor(problem, j + 1);
    }
    double[] y = new double[steps];
    for (int s = 0; s < n; s++) {
      int base = s * examples;
      Arrays.fill(y, 0.0);
      for (int r = 0; r < orderCount; r++) {
        int[] order = orders[r];
        int row = r * steps;
        double prefix = 0.0;
        for (int p = 0; p < b; p++) {
          prefix += flat[base + order[p]];
        }
        int p = b;
        for (int j = 0; j < steps; j++) {
          int k = j + 1;
          double block = 0.0;
          for (int end = p + b; p < end; p++) {
            block += flat[base + order[p]];
          }
          double increment = (block / b - prefix / ((double) k * b)) / (k + 1);
          double square = increment * increment;
          sums[row + j] += square;
          sums[fourth + row + j] += square * square;
          y[j] += square;
          prefix += block;
        }
      }
      double plateau = 0.0;
      for (int j = 0; j < steps; j++) {
        double mean = y[j] / orderCount;
        sums[layout.orderMeanSquares(j)] += mean * mean;
        if (j + 1 >= upper) {
          plateau += mean * factors[j];
        }
      }
      plateau /= steps - upper + 1;
      sums[layout.plateaus()] += plateau;
      sums[layout.plateauSquares()] += plateau * plateau;
    }
    return new PartialSums(id, first, n, sums);
  }

  @Override
  public DeltaCurve estimate(DeltaProblem problem, EstimationInputs inputs) {
    int steps = problem.steps();
    int orderCount = problem.orderCount();
    MonteCarloLayout layout = new MonteCarloLayout(orderCount, steps);
    PartialSums partial = inputs.sums();
    if (partial == null || !partial.estimator().equals(id)) {
      throw new IllegalArgumentException(id + " needs its own partial sums");
    }
    double[] sums = partial.sums();
    if (sums.length != layout.length()) {
      throw new IllegalArgumentException(
          "sums of length " + sums.length + " do not fit " + orderCount + " orders × " + steps
              + " steps");
    }
    double samples = partial.count();
    double[][] perOrder = new double[orderCount][steps];
    double[] delta = new double[steps];
    double[] stdError = new double[steps];
    for (int j = 0; j < steps; j++) {
      double mean = 0.0;
      for (int r = 0; r < orderCount; r++) {
        perOrder[r][j] = sums[layout.squares(r, j)] / samples;
        mean += perOrder[r][j];
      }
      mean /= orderCount;
      delta[j] = mean;
      double betweenOrders = 0.0;
      for (int r = 0; r < orderCount; r++) {
        betweenOrders += (perOrder[r][j] - mean) * (perOrder[r][j] - mean);
      }
      double overOrders = orderCount > 1 ? betweenOrders / (orderCount - 1) / orderCount : 0.0;
      double overSamples =
          sampleVariance(sums[layout.orderMeanSquares(j)], mean, samples) / samples;
      stdError[j] = Math.sqrt(overOrders + overSamples);
    }
    return new DeltaCurve(
        delta,
        stdError,
        perOrder,
        plateau(problem, layout, sums, delta, perOrder, samples),
        Map.of(
            "std-error",
            "variance over orders / R + variance over samples / S (slightly conservative)"));
  }

  private static Estimate plateau(
      DeltaProblem problem,
      MonteCarloLayout layout,
      double[] sums,
      double[] delta,
      double[][] perOrder,
      double samples) {
    int steps = delta.length;
    int upper = Plateau.firstUpperStep(steps);
    int count = steps - upper + 1;
    int orderCount = perOrder.length;
    double value = 0.0;
    double[] byOrder = new double[orderCount];
    for (int k = upper; k <= steps; k++) {
      double factor = Plateau.factor(problem, k);
      value += delta[k - 1] * factor;
      for (int r = 0; r < orderCount; r++) {
        byOrder[r] += perOrder[r][k - 1] * factor;
      }
    }
    value /= count;
    double betweenOrders = 0.0;
    for (int r = 0; r < orderCount; r++) {
      double deviation = byOrder[r] / count - value;
      betweenOrders += deviation * deviation;
    }
    double overOrders = orderCount > 1 ? betweenOrders / (orderCount - 1) / orderCount : 0.0;
    double sampleMean = sums[layout.plateaus()] / samples;
    double overSamples =
        sampleVariance(sums[layout.plateauSquares()], sampleMean, samples) / samples;
    return new Estimate(value, Math.sqrt(overOrders + overSamples));
  }

  /** The unbiased variance from Σx² and the mean of {@code n} values; NaN for n &lt; 2. */
  static double sampleVariance(double sumOfSquares, double mean, double n) {
    if (n < 2) {
      return Double.NaN;
    }
    return Math.max(0.0, (sumOfSquares - n * mean * mean) / (n - 1));
  }
}
