package org.deltascape.estimators.curvature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.deltascape.api.CurvatureBackend;
import org.deltascape.api.EigenSolver;
import org.deltascape.api.Estimate;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
import org.deltascape.api.SpectralDensity;
import org.deltascape.api.contract.CurvatureBackendContract;
import org.deltascape.api.contract.KnownSpectrum;
import org.junit.jupiter.api.Test;

class SlqBackendTest extends CurvatureBackendContract {

  @Override
  protected CurvatureBackend backend() {
    return new SlqBackend();
  }

  @Override
  protected Settings settings() {
    return Settings.empty("backend slq");
  }

  @Override
  protected boolean findsEigenpairs() {
    return false;
  }

  @Override
  protected boolean estimatesTraces() {
    return true;
  }

  @Override
  protected boolean estimatesDensities() {
    return true;
  }

  @Test
  void theTraceIsTheDensitysByProductAndCostsOneProductPerProbe() {
    KnownSpectrum matrix = new KnownSpectrum(mainSpectrum(), 4);
    EigenSolver solver = backend().create(settings());
    RandomKey key = new RandomKey(3, "slq", 0);
    SpectralDensity density = solver.density(matrix, key, Progress.silent());
    long afterDensity = matrix.products();
    Estimate trace = solver.trace(matrix, key, Progress.silent());

    assertThat(afterDensity).isEqualTo(8 * 60);
    assertThat(matrix.products() - afterDensity).isEqualTo(8);
    assertThat((double) density.notes().get("trace"))
        .isCloseTo(trace.value(), within(1e-10 * mainSpectrum().length));
    assertThat((double) density.notes().get("trace-std-error"))
        .isCloseTo(trace.stdError(), within(1e-10 * mainSpectrum().length));
    assertThat(density.grid()).hasSize(512);
    assertThat(density.nodes()).hasNumberOfRows(8);
  }

  @Test
  void aSpectrumWithFewDistinctValuesEndsEarlyWithExactNodes() {
    double[] spectrum = new double[30];
    for (int j = 0; j < spectrum.length; j++) {
      spectrum[j] = j % 3 == 0 ? 2.0 : j % 3 == 1 ? -1.0 : 0.5;
    }
    KnownSpectrum matrix = new KnownSpectrum(spectrum, 5);
    SpectralDensity density =
        new SlqBackend().create(Settings.of("backend slq", Map.of("probes", 2)))
            .density(matrix, new RandomKey(1, "slq", 0), Progress.silent());
    for (double[] nodes : density.nodes()) {
      assertThat(nodes).containsExactly(new double[] {-1.0, 0.5, 2.0}, within(1e-10));
    }
    assertThat(matrix.products()).isEqualTo(2 * 3);
  }
}
