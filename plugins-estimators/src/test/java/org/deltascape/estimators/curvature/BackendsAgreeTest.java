package org.deltascape.estimators.curvature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.deltascape.api.CurvatureBackend;
import org.deltascape.api.Eigenpairs;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
import org.deltascape.api.contract.KnownSpectrum;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, test 4: {@code power-iteration}, {@code lanczos} and {@code dense} give the same top-5
 * eigenvalues (1e-6 relative) on a small operator with negative eigenvalues, whose most negative
 * eigenvalue dominates in magnitude; the products, counted by the operator, are recorded, and
 * Lanczos uses fewer than power iteration. Reference: the known spectrum itself.
 */
class BackendsAgreeTest {
  static final double RELATIVE = 1e-6;

  /** 6, 4.5, 3, 2, 1.2, then 75 values evenly from 0.8 down to −9. */
  private static double[] spectrum() {
    double[] values = new double[80];
    double[] top = {6.0, 4.5, 3.0, 2.0, 1.2};
    for (int j = 0; j < values.length; j++) {
      values[j] = j < 5 ? top[j] : 0.8 - 9.8 * (j - 5) / 74.0;
    }
    return values;
  }

  private record Run(Eigenpairs pairs, long products) {}

  private static Run run(CurvatureBackend backend) {
    KnownSpectrum matrix = new KnownSpectrum(spectrum(), 23);
    Eigenpairs pairs =
        backend.create(Settings.empty("backend " + backend.id()))
            .topEigenpairs(matrix, 5, new RandomKey(4, "start", 0), Progress.silent());
    return new Run(pairs, matrix.products());
  }

  @Test
  void powerIterationLanczosAndDenseAgreeAndLanczosUsesFewerProducts() {
    Run dense = run(new DenseBackend());
    Run lanczos = run(new LanczosBackend());
    Run power = run(new PowerIterationBackend());
    double[] expected = {6.0, 4.5, 3.0, 2.0, 1.2};
    for (Run run : new Run[] {dense, lanczos, power}) {
      assertThat(run.pairs().converged()).isTrue();
      for (int d = 0; d < 5; d++) {
        assertThat(run.pairs().values()[d])
            .isCloseTo(expected[d], within(RELATIVE * expected[d]))
            .isCloseTo(dense.pairs().values()[d], within(RELATIVE * expected[d]));
      }
    }
    assertThat(dense.products()).isEqualTo(80);
    assertThat(lanczos.products()).isLessThan(power.products());
  }
}
