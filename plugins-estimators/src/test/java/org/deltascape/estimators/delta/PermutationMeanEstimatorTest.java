package org.deltascape.estimators.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.deltascape.api.DeltaCurve;
import org.deltascape.api.DeltaEstimator;
import org.deltascape.api.DeltaProblem;
import org.deltascape.api.EstimationInputs;
import org.deltascape.api.Estimator;
import org.deltascape.api.contract.EstimatorContract;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class PermutationMeanEstimatorTest extends EstimatorContract {

  @Override
  protected DeltaEstimator estimator() {
    return new PermutationMeanEstimator();
  }

  @Test
  void theCurveIsTheClosedFormOfTheMeanPopulationVariance() {
    DeltaProblem problem = problem();
    INDArray losses = losses(problem, 0, 16);
    Estimator estimator = estimator().create(settings());
    DeltaCurve curve =
        estimator.estimate(
            problem, new EstimationInputs(estimator.accumulate(problem, 0, losses), null));
    double[][] l = losses.toDoubleMatrix();
    double meanVariance = 0.0;
    for (double[] row : l) {
      double mean = 0.0;
      for (double x : row) {
        mean += x / row.length;
      }
      double variance = 0.0;
      for (double x : row) {
        variance += (x - mean) * (x - mean) / row.length;
      }
      meanVariance += variance / l.length;
    }
    int n = problem.examples();
    int b = problem.blockSize();
    for (int k = 1; k <= problem.steps(); k++) {
      double expected = n / (n - 1.0) * meanVariance / (b * k * (k + 1.0));
      assertThat(curve.delta()[k - 1]).isCloseTo(expected, within(1e-14 * expected));
    }
    assertThat(curve.perOrder()).isNull();
    assertThat(curve.plateau().value()).isCloseTo(meanVariance, within(1e-14 * meanVariance));
    assertThat(Plateau.of(problem, curve)).isEqualTo(curve.plateau());
  }

  @Test
  void aLargeCommonLossLevelCostsNoPrecision() {
    DeltaProblem problem = problem();
    INDArray losses = losses(problem, 0, 8);
    Estimator estimator = estimator().create(settings());
    double plain = estimator.accumulate(problem, 0, losses).sums()[0];
    double shifted = estimator.accumulate(problem, 0, losses.add(1e6)).sums()[0];
    assertThat(shifted).isCloseTo(plain, within(1e-8 * plain));
  }
}
