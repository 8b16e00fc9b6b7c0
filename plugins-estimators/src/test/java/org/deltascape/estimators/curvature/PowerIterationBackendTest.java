package org.deltascape.estimators.curvature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.deltascape.api.CurvatureBackend;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Eigenpairs;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
import org.deltascape.api.contract.CurvatureBackendContract;
import org.deltascape.api.contract.KnownSpectrum;
import org.junit.jupiter.api.Test;

/**
 * The contract, with tolerance 1e-6: the contract's pair λ_3, λ_4 is 5e-6 apart, which power
 * iteration separates at a rate of 1 − 3e-7 per product, so a mixed vector in that plane has a
 * residual up to 2.5e-6 (2.5e-7 relative) that no sane budget reduces; the per-pair target
 * tolerance·|λ_1|/√5 must stay above it. The final Rayleigh–Ritz step then separates the pair.
 */
class PowerIterationBackendTest extends CurvatureBackendContract {

  @Override
  protected CurvatureBackend backend() {
    return new PowerIterationBackend();
  }

  @Override
  protected Settings settings() {
    return Settings.of("backend power-iteration", Map.of("tolerance", 1e-6));
  }

  @Override
  protected boolean usesWarmStarts() {
    return true;
  }

  @Test
  void findsTheAlgebraicallyLargestEvenWhereTheMostNegativeDominates() {
    double[] spectrum = new double[50];
    for (int j = 0; j < spectrum.length; j++) {
      spectrum[j] = j < 3 ? 3.0 - j : -20.0 * (j - 2) / 47.0;
    }
    KnownSpectrum matrix = new KnownSpectrum(spectrum, 41);
    Eigenpairs pairs =
        backend().create(Settings.empty("backend power-iteration"))
            .topEigenpairs(matrix, 3, new RandomKey(2, "start", 0), Progress.silent());
    assertThat(pairs.values()).containsExactly(new double[] {3, 2, 1}, within(1e-8));
    assertThat(pairs.converged()).isTrue();
  }

  @Test
  void aBudgetTooSmallFailsNamingTheKeysUnlessAllowedToGoOn() {
    KnownSpectrum matrix = new KnownSpectrum(new double[] {5, 4.9, 4.8, 1, 0, -1, -2, -3}, 3);
    Settings tight = Settings.of("backend power-iteration", Map.of("max-products", 40));
    assertThatThrownBy(
            () ->
                backend().create(tight)
                    .topEigenpairs(matrix, 2, new RandomKey(1, "start", 0), Progress.silent()))
        .isInstanceOf(DeltascapeException.class)
        .hasMessageStartingWith(
            "curvature backend power-iteration: power-iteration did not reach tolerance 1.00e-09"
                + " within 40 products (max-products 40): the largest relative residual is ")
        .hasMessageContaining("Raise max-products, or use backend lanczos")
        .hasMessageContaining("allow-unconverged: true");
    Settings allowed =
        Settings.of(
            "backend power-iteration", Map.of("max-products", 40, "allow-unconverged", true));
    Eigenpairs pairs =
        backend().create(allowed)
            .topEigenpairs(matrix, 2, new RandomKey(1, "start", 0), Progress.silent());
    assertThat(pairs.converged()).isFalse();
    assertThat(pairs.values()[0]).isCloseTo(5.0, within(0.2));
  }

  @Test
  void aBudgetBelowTheIntervalEstimatePlusOnePerPairIsRefusedUpFront() {
    KnownSpectrum matrix = new KnownSpectrum(new double[40], 3);
    Settings tiny = Settings.of("backend power-iteration", Map.of("max-products", 20));
    assertThatThrownBy(
            () ->
                backend().create(tiny)
                    .topEigenpairs(matrix, 5, new RandomKey(1, "start", 0), Progress.silent()))
        .isInstanceOf(DeltascapeException.class)
        .hasMessage(
            "curvature backend power-iteration: power-iteration needs at least 21 Hessian-vector"
                + " products for 5 eigenpairs (16 to bound the spectrum, one per pair), but"
                + " max-products is 20. Raise max-products well above 21.");
    assertThat(matrix.products()).isZero();
  }
}
