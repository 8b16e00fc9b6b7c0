package org.deltascape.estimators.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.deltascape.api.DeltaCurve;
import org.deltascape.api.DeltaProblem;
import org.deltascape.api.Estimate;
import org.junit.jupiter.api.Test;

class PlateauTest {

  @Test
  void theUpperHalfIsKAboveHalfOfK() {
    assertThat(Plateau.firstUpperStep(49)).isEqualTo(25);
    assertThat(Plateau.firstUpperStep(50)).isEqualTo(26);
    assertThat(Plateau.firstUpperStep(1)).isEqualTo(1);
  }

  @Test
  void anExactPermutationMeanCurveGivesBackItsV() {
    int examples = 101; // b = 5, K = 19
    DeltaProblem problem = new DeltaProblem(examples, 5, new int[1][examples], 1, 1, null);
    double v = 0.37;
    double[] delta = new double[problem.steps()];
    double[] error = new double[problem.steps()];
    for (int k = 1; k <= delta.length; k++) {
      delta[k - 1] = examples / (examples - 1.0) * v / (5.0 * k * (k + 1));
      error[k - 1] = 0.1 * delta[k - 1];
    }
    Estimate plateau = Plateau.of(problem, new DeltaCurve(delta, error, null, null, Map.of()));
    assertThat(plateau.value()).isCloseTo(v, within(1e-15));
    // Fully correlated: the mean of the scaled errors, 10% of V.
    assertThat(plateau.stdError()).isCloseTo(0.1 * v, within(1e-15));
  }

  @Test
  void theCurvesOwnPlateauIsPreferred() {
    DeltaProblem problem = new DeltaProblem(10, 1, new int[1][10], 1, 1, null);
    Estimate own = new Estimate(1.0, 0.5);
    double[] nine = new double[9];
    assertThat(Plateau.of(problem, new DeltaCurve(nine, nine, null, own, Map.of()))).isEqualTo(own);
  }
}
