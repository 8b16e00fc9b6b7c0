package org.deltascape.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.deltascape.api.DeltascapeException;
import org.deltascape.api.EigenSolver;
import org.deltascape.api.Estimate;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.SpectralDensity;

/**
 * The trace and density checks of {@link CurvatureBackendContract}, against a {@link
 * KnownSpectrum} whose trace and spectrum are exact. Statistical checks use four standard errors
 * (a false failure about once in 16,000 seeds; the seeds are fixed, so a pass is a pass).
 */
final class SpectralEstimateChecks {
  /** Standard errors within which a stochastic estimate must meet the exact value. */
  static final double STANDARD_ERRORS = 4.0;

  /** Allowed |∫ρ − 1| of a density on its grid (trapezoid rule). */
  static final double MASS_TOLERANCE = 1e-3;

  private SpectralEstimateChecks() {}

  /** A capable solver's trace is within 4 s.e. of the exact one and a function of the key. */
  static void trace(EigenSolver solver, double[] spectrum, boolean capable) {
    KnownSpectrum matrix = new KnownSpectrum(spectrum, 8);
    RandomKey key = new RandomKey(11, "contract/trace", 0);
    if (!capable) {
      assertThatThrownBy(() -> solver.trace(matrix, key, Progress.silent()))
          .isInstanceOf(DeltascapeException.class)
          .hasMessageContaining("trace");
      return;
    }
    double exact = 0.0;
    for (double value : spectrum) {
      exact += value;
    }
    Estimate estimate = solver.trace(matrix, key, Progress.silent());
    assertThat(estimate.stdError()).as("standard error").isPositive().isFinite();
    assertThat(estimate.value())
        .as("trace (exact %s)", exact)
        .isCloseTo(exact, within(STANDARD_ERRORS * estimate.stdError()));
    assertThat(solver.trace(matrix, key, Progress.silent())).isEqualTo(estimate);
  }

  /**
   * A capable solver's density lies on an increasing grid, is non-negative, integrates to 1, and
   * its mean equals the mean of its quadrature nodes, which is within 4 s.e. (over probes) of
   * tr A / n; each probe's weights sum to 1 and its nodes lie in the spectrum's range.
   */
  static void density(EigenSolver solver, double[] spectrum, boolean capable) {
    KnownSpectrum matrix = new KnownSpectrum(spectrum, 9);
    RandomKey key = new RandomKey(12, "contract/density", 0);
    if (!capable) {
      assertThatThrownBy(() -> solver.density(matrix, key, Progress.silent()))
          .isInstanceOf(DeltascapeException.class)
          .hasMessageContaining("densit");
      return;
    }
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    double exactMean = 0.0;
    for (double value : spectrum) {
      low = Math.min(low, value);
      high = Math.max(high, value);
      exactMean += value / spectrum.length;
    }
    double range = high - low;
    SpectralDensity density = solver.density(matrix, key, Progress.silent());
    double[] grid = density.grid();
    double[] rho = density.density();
    double mass = 0.0;
    double first = 0.0;
    for (int g = 0; g < grid.length; g++) {
      assertThat(rho[g]).as("ρ(t_%d)", g).isFinite().isGreaterThanOrEqualTo(0.0);
      if (g > 0) {
        assertThat(grid[g]).as("t_%d", g).isGreaterThan(grid[g - 1]);
        double h = grid[g] - grid[g - 1];
        mass += 0.5 * h * (rho[g] + rho[g - 1]);
        first += 0.5 * h * (grid[g] * rho[g] + grid[g - 1] * rho[g - 1]);
      }
    }
    assertThat(mass).as("∫ρ").isCloseTo(1.0, within(MASS_TOLERANCE));

    int probes = density.nodes().length;
    assertThat(probes).isPositive();
    assertThat(density.weights().length).isEqualTo(probes);
    double[] means = new double[probes];
    double meanOfMeans = 0.0;
    for (int l = 0; l < probes; l++) {
      double[] nodes = density.nodes()[l];
      double[] weights = density.weights()[l];
      assertThat(weights.length).isEqualTo(nodes.length);
      double sum = 0.0;
      for (int j = 0; j < nodes.length; j++) {
        assertThat(weights[j]).isGreaterThanOrEqualTo(0.0);
        assertThat(nodes[j]).isBetween(low - 1e-8 * range, high + 1e-8 * range);
        sum += weights[j];
        means[l] += weights[j] * nodes[j];
      }
      assertThat(sum).as("weights of probe %d", l).isCloseTo(1.0, within(1e-10));
      meanOfMeans += means[l] / probes;
    }
    assertThat(first / mass).as("mean of the density").isCloseTo(meanOfMeans, within(1e-6 * range));
    if (probes > 1) {
      double squares = 0.0;
      for (double mean : means) {
        squares += (mean - meanOfMeans) * (mean - meanOfMeans);
      }
      double error = Math.sqrt(squares / (probes - 1) / probes);
      assertThat(meanOfMeans)
          .as("mean of the nodes against tr A / n")
          .isCloseTo(exactMean, within(STANDARD_ERRORS * error));
    }
  }
}
