package org.deltascape.estimators.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.deltascape.api.DeltaCurve;
import org.deltascape.api.DeltaEstimator;
import org.deltascape.api.DeltaProblem;
import org.deltascape.api.EstimationInputs;
import org.deltascape.api.ExampleDerivatives;
import org.deltascape.api.Moments;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
import org.deltascape.api.contract.EstimatorContract;
import org.deltascape.estimators.curvature.SymmetricEigen;
import org.deltascape.estimators.samplers.GaussianSampler;
import org.junit.jupiter.api.Test;

class PaperApproxEstimatorTest extends EstimatorContract {

  /** Dense eigenvalues against the backend's: both to rounding. */
  private static final double EXACTNESS = 1e-8;

  @Override
  protected DeltaEstimator estimator() {
    return new PaperApproxEstimator();
  }

  @Override
  protected ExampleDerivatives derivatives(DeltaProblem problem) {
    return ContractDerivatives.of(problem);
  }

  @Test
  void fixedPUsesTheDiagonalIncrementsOfTheContractHessians() {
    // H_i = c_i I, so every λ_k^(d) is the prefix mean of c_i and the formula is (σ⁴/4)(2D + D²)δ².
    DeltaProblem problem = problem();
    DeltaCurve curve = estimator().create(settings())
        .estimate(problem, new EstimationInputs(null, derivatives(problem)));
    double[] c = new double[problem.examples()];
    ExampleDerivatives derivatives = derivatives(problem);
    for (int i = 0; i < c.length; i++) {
      c[i] = derivatives.hessians().getDouble(i, 0, 0);
    }
    int b = problem.blockSize();
    for (int r = 0; r < problem.orderCount(); r++) {
      for (int k = 1; k <= problem.steps(); k++) {
        double low = 0.0;
        double high = 0.0;
        for (int p = 0; p < (k + 1) * b; p++) {
          double value = c[problem.orders()[r][p]];
          high += value / ((k + 1) * b);
          low += p < k * b ? value / (k * b) : 0.0;
        }
        double delta = high - low;
        assertThat(curve.perOrder()[r][k - 1])
            .isCloseTo(0.25 * (2 * 2 + 4) * delta * delta, org.assertj.core.data.Offset.offset(1e-14));
      }
    }
  }

  @Test
  void recomputedSolvesTheTopEigenvaluesOfEachHkOnALogSpacedSet() {
    LinearExamples logistic = new LinearExamples(60, 4, 2, true, 6);
    DeltaProblem problem = QuadraticEstimatorTest.problem(60, 2, 1, 2, 8, Moments.gaussian(1.0), 59);
    var context = logistic.context(
        new GaussianSampler().create(Settings.empty("sampler"), 2),
        new RandomKey(59, "theta/test", 0), problem.orders());
    DeltaCurve curve = estimator()
        .create(Settings.of("paper-approx", Map.of("form", "recomputed", "points", 5)))
        .estimate(problem, new EstimationInputs(null, null, context));
    @SuppressWarnings("unchecked")
    List<Integer> at = (List<Integer>) curve.notes().get("computed-at");
    assertThat(at).containsExactly(1, 2, 5, 12, 29);
    for (int j = 0; j < problem.steps(); j++) {
      int k = j + 1;
      if (!at.contains(k)) {
        assertThat(curve.delta()[j]).isNaN();
        continue;
      }
      double[] low = SymmetricEigen.of(logistic.prefixHessianMatrix(problem.orders()[0], k * 2)).values();
      double[] high =
          SymmetricEigen.of(logistic.prefixHessianMatrix(problem.orders()[0], (k + 1) * 2)).values();
      // Ascending: the top two are the last two.
      double d1 = high[3] - low[3];
      double d2 = high[2] - low[2];
      double expected = 0.25 * (2 * (d1 * d1 + d2 * d2) + (d1 + d2) * (d1 + d2));
      assertThat(curve.delta()[j]).as("k = %d", k)
          .isCloseTo(expected, org.assertj.core.data.Offset.offset(EXACTNESS * Math.abs(expected) + 1e-15));
    }
  }
}
