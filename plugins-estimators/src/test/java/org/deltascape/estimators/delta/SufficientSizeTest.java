package org.deltascape.estimators.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.deltascape.api.DeltaCurve;
import org.deltascape.api.DeltaProblem;
import org.junit.jupiter.api.Test;

class SufficientSizeTest {
  private static final double EPSILON = 0.1;

  private static DeltaProblem problem(int orders) {
    int examples = 8 * 7; // b = 8, K = 6
    return new DeltaProblem(examples, 8, new int[orders][examples], 1, 1, null);
  }

  private static DeltaCurve band(double[] delta, double[] stdError) {
    return new DeltaCurve(delta, stdError, null, null, Map.of());
  }

  @Test
  void aMonotoneCurveIsSufficientFromItsFirstCrossing() {
    assertThat(SufficientSize.step(new double[] {0.5, 0.3, 0.09, 0.05, 0.02, 0.01}, EPSILON))
        .isEqualTo(3);
    assertThat(SufficientSize.step(new double[] {0.05, 0.04}, EPSILON)).isEqualTo(1);
  }

  @Test
  void aLateCrossingWinsOverAnEarlierOne() {
    // Below ε at k = 2 and 3, above again at k = 4: sufficient only from k = 5.
    assertThat(SufficientSize.step(new double[] {0.5, 0.05, 0.05, 0.2, 0.05, 0.01}, EPSILON))
        .isEqualTo(5);
    // Equal to ε is not below it.
    assertThat(SufficientSize.step(new double[] {0.5, 0.05, 0.1, 0.05}, EPSILON)).isEqualTo(4);
  }

  @Test
  void neverReachedIsNullAndSoIsANanAtTheEnd() {
    assertThat(SufficientSize.step(new double[] {0.05, 0.05, 0.2}, EPSILON)).isNull();
    assertThat(SufficientSize.step(new double[] {0.05, Double.NaN}, EPSILON)).isNull();
  }

  @Test
  void withoutOrdersTheIntervalComesFromTheBand() {
    double[] delta = {0.5, 0.3, 0.2, 0.12, 0.08, 0.05};
    double[] error = {0.01, 0.01, 0.01, 0.02, 0.02, 0.01};
    // Δ − 1.96 se = …, 0.0808 at k = 4, so kLow = 4; Δ + 1.96 se at k = 5 is 0.1192, so kHigh = 6.
    SufficientSize size = SufficientSize.of(problem(1), band(delta, error), EPSILON);
    assertThat(size).isEqualTo(new SufficientSize(EPSILON, 5, 4, 6, 40));

    double[] stuck = {0.5, 0.3, 0.2, 0.2, 0.2, 0.2};
    SufficientSize never = SufficientSize.of(problem(1), band(stuck, error), EPSILON);
    assertThat(never).isEqualTo(new SufficientSize(EPSILON, null, null, null, null));
  }

  @Test
  void withOrdersKIsTheMedianAndTheIntervalTheQuantilesOverOrders() {
    double[][] perOrder = new double[5][];
    // K_r = 2, 3, 4, 6 and never.
    perOrder[0] = new double[] {0.5, 0.05, 0.05, 0.05, 0.05, 0.05};
    perOrder[1] = new double[] {0.5, 0.5, 0.05, 0.05, 0.05, 0.05};
    perOrder[2] = new double[] {0.5, 0.05, 0.5, 0.05, 0.05, 0.05};
    perOrder[3] = new double[] {0.5, 0.5, 0.5, 0.5, 0.5, 0.05};
    perOrder[4] = new double[] {0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
    double[] mean = new double[6];
    DeltaCurve curve = new DeltaCurve(mean, new double[6], perOrder, null, Map.of());
    // Median of (2, 3, 4, 6, ∞) is 4; 2.5% nearest rank is the 1st, 97.5% the 5th (∞).
    assertThat(SufficientSize.of(problem(5), curve, EPSILON))
        .isEqualTo(new SufficientSize(EPSILON, 4, 2, null, 32));

    // Four orders (2, 3, 6, ∞): the mean of 3 and 6 rounded up.
    double[][] four = {perOrder[0], perOrder[1], perOrder[3], perOrder[4]};
    DeltaCurve fourCurve = new DeltaCurve(mean, new double[6], four, null, Map.of());
    assertThat(SufficientSize.of(problem(4), fourCurve, EPSILON))
        .isEqualTo(new SufficientSize(EPSILON, 5, 2, null, 40));

    // Two orders, one never: the median is infinite.
    double[][] two = {perOrder[0], perOrder[4]};
    DeltaCurve twoCurve = new DeltaCurve(mean, new double[6], two, null, Map.of());
    assertThat(SufficientSize.of(problem(2), twoCurve, EPSILON))
        .isEqualTo(new SufficientSize(EPSILON, null, 2, null, null));
  }
}
