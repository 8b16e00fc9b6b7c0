package org.deltascape.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import org.deltascape.api.CurvatureBackend;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Eigenpairs;
import org.deltascape.api.Plugin;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The checks every {@link CurvatureBackend} must pass. A backend's test extends this class and
 * supplies the backend, its settings and, where it must, looser tolerances.
 *
 * <p>Reference: symmetric matrices built from a known spectrum ({@link KnownSpectrum}), which is
 * exact to rounding without an eigensolver. The main spectrum has negative eigenvalues larger in
 * magnitude than the top one (so a solver that finds the largest |λ| fails) and a pair 1e-6
 * apart among the top five (compared as a subspace, since its vectors are ill-conditioned).
 *
 * <p>Capabilities gate the checks, so that a trace- or density-only backend is checked for what
 * it does: {@link #findsEigenpairs()} (else {@code topEigenpairs} must refuse with a {@link
 * org.deltascape.api.DeltascapeException}), {@link #estimatesTraces()}, {@link
 * #estimatesDensities()} (else {@code trace}/{@code density} must refuse likewise) and {@link
 * #usesWarmStarts()}. The trace and density checks are in {@link SpectralEstimateChecks}.
 */
public abstract class CurvatureBackendContract extends PluginContract {

  /** The number of pairs compared. */
  protected static final int TOP = 5;

  /** The backend under test. */
  protected abstract CurvatureBackend backend();

  /** Its settings for these tests. */
  protected abstract Settings settings();

  /** Relative error allowed on each of the top eigenvalues; 1e-8 unless overridden. */
  protected double eigenvalueTolerance() {
    return 1e-8;
  }

  /** Largest allowed relative residual ‖Av − λv‖/|λ_1|; 1e-6 unless overridden. */
  protected double residualTolerance() {
    return 1e-6;
  }

  /**
   * Allowed 1 − |cos| between an isolated eigenvector and its reference (and the analogous
   * subspace measure for the near pair); 1e-8 unless overridden.
   */
  protected double vectorTolerance() {
    return 1e-8;
  }

  /** n of the main test matrix; 120 unless overridden. */
  protected int dimension() {
    return 120;
  }

  /** Whether the backend finds eigenpairs; true unless overridden. */
  protected boolean findsEigenpairs() {
    return true;
  }

  /** Whether the backend estimates traces ({@code trace}); false unless overridden. */
  protected boolean estimatesTraces() {
    return false;
  }

  /** Whether the backend estimates spectral densities; false unless overridden. */
  protected boolean estimatesDensities() {
    return false;
  }

  /**
   * Whether the backend uses warm starts: started from the pairs of a nearby operator, it then
   * needs fewer products than from scratch. False unless overridden.
   */
  protected boolean usesWarmStarts() {
    return false;
  }

  @Override
  protected Plugin plugin() {
    return backend();
  }

  /** 10, 7, 5, 5 − 5e-6, 3, then n − 5 values evenly from 2 down to −12. */
  protected double[] mainSpectrum() {
    int n = dimension();
    double[] spectrum = new double[n];
    double[] top = {10.0, 7.0, 5.0, 5.0 - 5e-6, 3.0};
    System.arraycopy(top, 0, spectrum, 0, TOP);
    for (int j = TOP; j < n; j++) {
      spectrum[j] = 2.0 - 14.0 * (j - TOP) / (n - TOP - 1);
    }
    return spectrum;
  }

  private Eigenpairs solve(KnownSpectrum matrix, int count, RandomKey key) {
    return backend().create(settings()).topEigenpairs(matrix, count, key, Progress.silent());
  }

  @Test
  void topEigenpairsMatchAKnownSpectrumWithNegativeValuesAndANearlyDegeneratePair() {
    assumeTrue(findsEigenpairs(), "the backend does not find eigenpairs");
    KnownSpectrum matrix = new KnownSpectrum(mainSpectrum(), 1);
    Eigenpairs pairs = solve(matrix, TOP, new RandomKey(3, "contract/start", 0));

    assertThat(pairs.count()).isEqualTo(TOP);
    assertThat(pairs.vectors().dataType()).isEqualTo(DataType.DOUBLE);
    assertThat(pairs.vectors().shape()).containsExactly(dimension(), TOP);
    assertThat(pairs.converged()).isTrue();
    double[] values = pairs.values();
    for (int d = 0; d < TOP; d++) {
      double expected = matrix.eigenvalue(d);
      assertThat(values[d])
          .as("λ_%d", d + 1)
          .isCloseTo(expected, within(eigenvalueTolerance() * Math.abs(expected)));
    }
    double[][] vectors = columns(pairs);
    assertOrthonormal(vectors);
    for (int d : new int[] {0, 1, 4}) {
      double cos = Math.abs(KnownSpectrum.dot(vectors[d], matrix.eigenvector(d)));
      assertThat(1 - cos).as("1 − |cos| of eigenvector %d", d + 1).isLessThan(vectorTolerance());
    }
    // The pair λ_3, λ_4: the sum of squared cosines of the two computed vectors with the
    // reference plane is 2 when they span it.
    double inPlane = 0.0;
    for (int d = 2; d <= 3; d++) {
      for (int e = 2; e <= 3; e++) {
        double dot = KnownSpectrum.dot(vectors[d], matrix.eigenvector(e));
        inPlane += dot * dot;
      }
    }
    assertThat(2 - inPlane).as("subspace angle of the near pair").isLessThan(vectorTolerance());
    assertResiduals(matrix, pairs);
  }

  @Test
  void theResultIsAFunctionOfTheKey() {
    assumeTrue(findsEigenpairs(), "the backend does not find eigenpairs");
    KnownSpectrum matrix = new KnownSpectrum(mainSpectrum(), 2);
    RandomKey key = new RandomKey(5, "contract/start", 0);
    Eigenpairs first = solve(matrix, TOP, key);
    Eigenpairs second = solve(matrix, TOP, key);
    assertThat(second.values()).isEqualTo(first.values());
    assertThat(second.residuals()).isEqualTo(first.residuals());
    assertThat(second.vectors().toDoubleMatrix()).isEqualTo(first.vectors().toDoubleMatrix());
  }

  @Test
  void repeatedEigenvaluesAreFoundWithTheirMultiplicity() {
    assumeTrue(findsEigenpairs(), "the backend does not find eigenpairs");
    int n = 40;
    double[] spectrum = new double[n];
    for (int j = 0; j < n; j++) {
      spectrum[j] = j < 3 ? 4.0 : j < 20 ? 1.0 : -2.0;
    }
    KnownSpectrum matrix = new KnownSpectrum(spectrum, 3);
    Eigenpairs pairs = solve(matrix, TOP, new RandomKey(7, "contract/start", 0));
    assertThat(pairs.values())
        .containsExactly(new double[] {4, 4, 4, 1, 1}, within(eigenvalueTolerance() * 4));
    double[][] vectors = columns(pairs);
    assertOrthonormal(vectors);
    double inSpace = 0.0;
    for (int d = 0; d < 3; d++) {
      for (int e = 0; e < 3; e++) {
        double dot = KnownSpectrum.dot(vectors[d], matrix.eigenvector(e));
        inSpace += dot * dot;
      }
    }
    assertThat(3 - inSpace).as("angle to the eigenspace of 4").isLessThan(vectorTolerance());
    assertResiduals(matrix, pairs);
  }

  @Test
  void everyPairOfASmallOperatorAndASinglePair() {
    assumeTrue(findsEigenpairs(), "the backend does not find eigenpairs");
    double[] spectrum = {-3.0, 2.0, 0.5, -0.25, 1.5, -7.0};
    KnownSpectrum matrix = new KnownSpectrum(spectrum, 4);
    Eigenpairs all = solve(matrix, spectrum.length, new RandomKey(9, "contract/start", 0));
    double[] sorted = spectrum.clone();
    Arrays.sort(sorted);
    for (int d = 0; d < sorted.length; d++) {
      assertThat(all.values()[d])
          .isCloseTo(sorted[sorted.length - 1 - d], within(eigenvalueTolerance() * 7));
    }
    assertOrthonormal(columns(all));
    assertResiduals(matrix, all);

    Eigenpairs one = solve(matrix, 1, new RandomKey(9, "contract/start", 0));
    assertThat(one.values()[0]).isCloseTo(2.0, within(eigenvalueTolerance() * 2));
    assertResiduals(matrix, one);
  }

  @Test
  void refusesEigenpairsWhenItDoesNotFindThem() {
    assumeTrue(!findsEigenpairs(), "the backend finds eigenpairs");
    KnownSpectrum matrix = new KnownSpectrum(mainSpectrum(), 1);
    assertThatThrownBy(() -> solve(matrix, TOP, new RandomKey(3, "contract/start", 0)))
        .isInstanceOf(DeltascapeException.class)
        .hasMessageContaining("eigenpairs");
    assertThat(matrix.products()).isZero();
  }

  @Test
  void traceIsWithinFourStandardErrorsOfTheExactTraceOrRefused() {
    SpectralEstimateChecks.trace(backend().create(settings()), mainSpectrum(), estimatesTraces());
  }

  @Test
  void densityIntegratesToOneWithTheTraceAsItsMeanOrIsRefused() {
    SpectralEstimateChecks.density(
        backend().create(settings()), mainSpectrum(), estimatesDensities());
  }

  /**
   * On {@code B = A + 1e-5 E} (a {@link PerturbedOperator}), started from the pairs of A, the
   * backend finds B's pairs as accurately as from scratch with fewer products.
   */
  @Test
  void aWarmStartFromANearbyOperatorSavesProducts() {
    assumeTrue(findsEigenpairs() && usesWarmStarts(), "the backend does not use warm starts");
    double[] spectrum = mainSpectrum();
    double[] separated = {10.0, 8.0, 6.5, 5.0, 4.0};
    System.arraycopy(separated, 0, spectrum, 0, TOP);
    KnownSpectrum nearby = new KnownSpectrum(spectrum, 6);
    RandomKey key = new RandomKey(13, "contract/start", 0);
    Eigenpairs start = solve(nearby, TOP, key);

    PerturbedOperator cold = new PerturbedOperator(nearby, 1e-5, 7);
    Eigenpairs fromScratch =
        backend().create(settings()).topEigenpairs(cold, TOP, key, Progress.silent());
    PerturbedOperator warm = new PerturbedOperator(nearby, 1e-5, 7);
    Eigenpairs warmed =
        backend().create(settings()).topEigenpairs(warm, TOP, key, Progress.silent(), start);

    assertThat(warmed.converged()).isTrue();
    for (int d = 0; d < TOP; d++) {
      double expected = fromScratch.values()[d];
      assertThat(warmed.values()[d])
          .as("λ_%d warm", d + 1)
          .isCloseTo(expected, within(eigenvalueTolerance() * Math.abs(expected)));
    }
    assertThat(warm.products()).as("products warm vs cold").isLessThan(cold.products());
  }

  /** Residuals both as reported and as measured here, each below the tolerance. */
  private void assertResiduals(KnownSpectrum matrix, Eigenpairs pairs) {
    double[] values = pairs.values();
    double[][] vectors = columns(pairs);
    double scale = Math.abs(values[0]);
    for (int d = 0; d < pairs.count(); d++) {
      double[] av = matrix.times(vectors[d]);
      double sum = 0.0;
      for (int i = 0; i < av.length; i++) {
        double r = av[i] - values[d] * vectors[d][i];
        sum += r * r;
      }
      assertThat(Math.sqrt(sum) / scale).as("measured residual %d", d + 1)
          .isLessThan(residualTolerance());
      assertThat(pairs.residuals()[d]).as("reported residual %d", d + 1)
          .isLessThan(residualTolerance());
    }
  }

  private static void assertOrthonormal(double[][] vectors) {
    for (int d = 0; d < vectors.length; d++) {
      for (int e = 0; e <= d; e++) {
        assertThat(KnownSpectrum.dot(vectors[d], vectors[e]))
            .as("q_%d · q_%d", d + 1, e + 1)
            .isCloseTo(d == e ? 1.0 : 0.0, within(1e-10));
      }
    }
  }

  private static double[][] columns(Eigenpairs pairs) {
    double[][] rows = pairs.vectors().toDoubleMatrix();
    int n = rows.length;
    int count = pairs.count();
    double[][] columns = new double[count][n];
    for (int i = 0; i < n; i++) {
      for (int d = 0; d < count; d++) {
        columns[d][i] = rows[i][d];
      }
    }
    return columns;
  }
}
