package org.deltascape.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.random.RandomGenerator;
import org.deltascape.api.DeltaCurve;
import org.deltascape.api.DeltaEstimator;
import org.deltascape.api.DeltaProblem;
import org.deltascape.api.EstimationInputs;
import org.deltascape.api.Estimator;
import org.deltascape.api.EstimatorInput;
import org.deltascape.api.ExampleDerivatives;
import org.deltascape.api.Moments;
import org.deltascape.api.PartialSums;
import org.deltascape.api.Plugin;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The checks every {@link DeltaEstimator} must pass: the shape of its curve, and, for estimators
 * of loss samples, that partial sums over blocks of sample indices combine in index order into
 * what one pass over all of them gives. A test extends this class and supplies the estimator;
 * estimators of {@link EstimatorInput#DERIVATIVES} also supply {@link #derivatives}.
 *
 * <p>The default problem: N = 96 examples in blocks of b = 4 (K = 23), R = 3 seeded orders, D =
 * 2, θ ~ N(0, I), and synthetic losses {@code l_i(θ) = a_i + θ·g_i + ½ c_i |θ|²} that depend on
 * (i, s) only.
 */
public abstract class EstimatorContract extends PluginContract {

  /** The estimator under test. */
  protected abstract DeltaEstimator estimator();

  /** Its settings; empty (all defaults) unless overridden. */
  protected Settings settings() {
    return Settings.empty(estimator().id());
  }

  /**
   * Relative difference allowed between the curve from combined block sums and from one pass
   * (different order of float64 additions only); 1e-12 unless overridden.
   */
  protected double combinationTolerance() {
    return 1e-12;
  }

  /** The problem the checks use. */
  protected DeltaProblem problem() {
    int examples = 96;
    int[][] orders = new int[3][];
    for (int r = 0; r < orders.length; r++) {
      orders[r] = permutation(examples, new RandomKey(11, "contract/order", r));
    }
    return new DeltaProblem(examples, 4, orders, 2, 128, Moments.gaussian(1.0));
  }

  /** The per-example losses of samples {@code [first, first + n)}, {@code n × N} DOUBLE. */
  protected INDArray losses(DeltaProblem problem, long first, int n) {
    int examples = problem.examples();
    int dim = problem.dimension();
    double[][] rows = new double[n][examples];
    for (int s = 0; s < n; s++) {
      RandomGenerator thetaRandom = new RandomKey(13, "contract/theta", first + s).generator();
      double[] theta = new double[dim];
      double norm2 = 0.0;
      for (int d = 0; d < dim; d++) {
        theta[d] = thetaRandom.nextGaussian();
        norm2 += theta[d] * theta[d];
      }
      for (int i = 0; i < examples; i++) {
        RandomGenerator example = new RandomKey(13, "contract/example", i).generator();
        double loss = 1.0 + example.nextDouble();
        for (int d = 0; d < dim; d++) {
          loss += theta[d] * example.nextGaussian();
        }
        rows[s][i] = loss + 0.5 * example.nextDouble() * norm2;
      }
    }
    return Nd4j.createFromArray(rows);
  }

  /** Per-example derivatives for estimators that need them; null (skip) unless overridden. */
  protected ExampleDerivatives derivatives(DeltaProblem problem) {
    return null;
  }

  @Override
  protected Plugin plugin() {
    return estimator();
  }

  /** A uniformly random permutation of 0 … n−1 (Fisher–Yates) from the key's stream. */
  protected static int[] permutation(int n, RandomKey key) {
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

  private DeltaCurve curve(Estimator estimator, DeltaProblem problem, PartialSums sums) {
    ExampleDerivatives derivatives = null;
    if (estimator.inputs().contains(EstimatorInput.DERIVATIVES)) {
      derivatives = derivatives(problem);
      assumeTrue(derivatives != null, "the test supplies no derivatives");
    }
    return estimator.estimate(problem, new EstimationInputs(sums, derivatives));
  }

  private PartialSums sums(Estimator estimator, DeltaProblem problem, long first, int n) {
    if (!estimator.inputs().contains(EstimatorInput.LOSS_SAMPLES)) {
      return null;
    }
    return estimator.accumulate(problem, first, losses(problem, first, n));
  }

  @Test
  void theCurveHasOneFiniteNonNegativeValuePerStep() {
    Estimator estimator = estimator().create(settings());
    assertThat(estimator.inputs()).isNotEmpty();
    DeltaProblem problem = problem();
    DeltaCurve curve = curve(estimator, problem, sums(estimator, problem, 0, 128));
    assertThat(curve.steps()).isEqualTo(problem.steps());
    assertThat(curve.stdError()).hasSize(problem.steps());
    for (int j = 0; j < problem.steps(); j++) {
      assertThat(curve.delta()[j]).as("Δ_%d", j + 1).isFinite().isNotNegative();
      double error = curve.stdError()[j];
      assertThat(Double.isNaN(error) || error >= 0).as("se_%d = %s", j + 1, error).isTrue();
    }
    if (curve.perOrder() != null) {
      assertThat(curve.perOrder()).hasNumberOfRows(problem.orderCount());
      for (double[] row : curve.perOrder()) {
        assertThat(row).hasSize(problem.steps());
      }
    }
    assertThat(curve.notes()).isNotNull();
  }

  @Test
  void blockSumsCombinedInIndexOrderGiveTheCurveOfOnePass() {
    Estimator estimator = estimator().create(settings());
    assumeTrue(estimator.inputs().contains(EstimatorInput.LOSS_SAMPLES), "no loss samples");
    DeltaProblem problem = problem();
    PartialSums head = sums(estimator, problem, 0, 64);
    PartialSums tail = sums(estimator, problem, 64, 64);
    PartialSums whole = sums(estimator, problem, 0, 128);
    assertThat(head.estimator()).isEqualTo(estimator().id());
    assertThat(head.first()).isZero();
    assertThat(head.count()).isEqualTo(64);
    assertThat(tail.first()).isEqualTo(64);
    PartialSums combined = head.then(tail);
    assertThat(combined.count()).isEqualTo(128);

    DeltaCurve fromBlocks = curve(estimator, problem, combined);
    DeltaCurve fromOnePass = curve(estimator, problem, whole);
    assertClose("delta", fromBlocks.delta(), fromOnePass.delta());
    assertClose("stdError", fromBlocks.stdError(), fromOnePass.stdError());
    if (fromOnePass.perOrder() != null) {
      for (int r = 0; r < problem.orderCount(); r++) {
        assertClose("perOrder " + r, fromBlocks.perOrder()[r], fromOnePass.perOrder()[r]);
      }
    }
    if (fromOnePass.plateau() != null) {
      assertClose(
          "plateau",
          new double[] {fromBlocks.plateau().value(), fromBlocks.plateau().stdError()},
          new double[] {fromOnePass.plateau().value(), fromOnePass.plateau().stdError()});
    }
  }

  /** Norm-wise relative difference within {@link #combinationTolerance()}. */
  private void assertClose(String what, double[] actual, double[] expected) {
    double difference = 0.0;
    double norm = 0.0;
    for (int j = 0; j < expected.length; j++) {
      difference += (actual[j] - expected[j]) * (actual[j] - expected[j]);
      norm += expected[j] * expected[j];
    }
    assertThat(Math.sqrt(difference))
        .as("‖%s from blocks − %s from one pass‖", what, what)
        .isLessThanOrEqualTo(combinationTolerance() * Math.sqrt(norm));
  }
}
