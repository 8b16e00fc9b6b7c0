package org.deltascape.estimators.curvature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.deltascape.api.CurvatureBackend;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Estimate;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
import org.deltascape.api.contract.CurvatureBackendContract;
import org.deltascape.api.contract.KnownSpectrum;
import org.junit.jupiter.api.Test;

class HutchinsonBackendTest extends CurvatureBackendContract {

  @Override
  protected CurvatureBackend backend() {
    return new HutchinsonBackend();
  }

  @Override
  protected Settings settings() {
    return Settings.empty("backend hutchinson");
  }

  @Override
  protected boolean findsEigenpairs() {
    return false;
  }

  @Override
  protected boolean estimatesTraces() {
    return true;
  }

  /** Ten eigenvalues 100, then 190 spread evenly over [−1, 1]: low rank plus noise. */
  static double[] lowRankPlusNoise() {
    double[] spectrum = new double[200];
    for (int j = 0; j < spectrum.length; j++) {
      spectrum[j] = j < 10 ? 100.0 : -1.0 + 2.0 * (j - 10) / 189.0;
    }
    return spectrum;
  }

  /** Root mean squared error over 12 keys of the method with 30 products each. */
  private static double rmsError(String method, KnownSpectrum matrix, double exact) {
    Settings settings =
        Settings.of("backend hutchinson", Map.of("probes", 30, "method", method));
    double squares = 0.0;
    for (int seed = 0; seed < 12; seed++) {
      Estimate estimate =
          new HutchinsonBackend().create(settings)
              .trace(matrix, new RandomKey(seed, "trace", 0), Progress.silent());
      squares += (estimate.value() - exact) * (estimate.value() - exact);
    }
    return Math.sqrt(squares / 12);
  }

  @Test
  void hutchPlusPlusBeatsHutchinsonAtEqualProductsOnALowRankPlusNoiseMatrix() {
    double[] spectrum = lowRankPlusNoise();
    KnownSpectrum matrix = new KnownSpectrum(spectrum, 19);
    double exact = 0.0;
    for (double value : spectrum) {
      exact += value;
    }
    long before = matrix.products();
    double hutchinson = rmsError("hutchinson", matrix, exact);
    long hutchinsonProducts = matrix.products() - before;
    double plusPlus = rmsError("hutch++", matrix, exact);
    long plusPlusProducts = matrix.products() - before - hutchinsonProducts;

    assertThat(plusPlusProducts).isEqualTo(hutchinsonProducts).isEqualTo(12 * 30);
    // Hutchinson's error is about √(2·10·100²/30) ≈ 80 (74 when written); Hutch++ takes most of
    // the top ten exactly with its 10-vector sketch and leaves a small remainder (19 when written).
    assertThat(plusPlus).isLessThan(hutchinson / 2);
  }

  @Test
  void hutchPlusPlusWithTooFewProbesIsRefusedNamingTheKey() {
    Settings few = Settings.of("backend hutchinson", Map.of("probes", 5, "method", "hutch++"));
    assertThatThrownBy(() -> backend().create(few))
        .isInstanceOf(DeltascapeException.class)
        .hasMessage(
            "code: backend hutchinson: probes = 5: hutch++ needs at least 6 probes (a third each"
                + " for the sketch, its trace and the remainder). Use probes >= 6.");
  }

  @Test
  void eigenpairsAreRefusedWithTheBackendsThatFindThem() {
    KnownSpectrum matrix = new KnownSpectrum(new double[] {1, 2, 3}, 1);
    assertThatThrownBy(
            () ->
                backend().create(settings())
                    .topEigenpairs(matrix, 1, new RandomKey(1, "start", 0), Progress.silent()))
        .isInstanceOf(DeltascapeException.class)
        .hasMessage(
            "curvature backend hutchinson: hutchinson estimates the trace of the Hessian, not its"
                + " eigenpairs. Use backend lanczos (or power-iteration, or dense for tiny models)"
                + " for eigenpairs.");
  }
}
