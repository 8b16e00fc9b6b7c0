package org.deltascape.estimators.curvature;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.deltascape.api.CurvatureBackend;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
import org.deltascape.api.contract.CurvatureBackendContract;
import org.deltascape.api.contract.KnownSpectrum;
import org.junit.jupiter.api.Test;

class DenseBackendTest extends CurvatureBackendContract {

  @Override
  protected CurvatureBackend backend() {
    return new DenseBackend();
  }

  @Override
  protected Settings settings() {
    return Settings.empty("backend dense");
  }

  @Test
  void refusesAnOperatorAboveMaxDimension() {
    KnownSpectrum matrix = new KnownSpectrum(new double[20], 1);
    Settings small = Settings.of("backend dense", Map.of("max-dimension", 10));
    assertThatThrownBy(
            () ->
                backend().create(small)
                    .topEigenpairs(matrix, 2, new RandomKey(1, "start", 0), Progress.silent()))
        .isInstanceOf(DeltascapeException.class)
        .hasMessage(
            "curvature backend dense: the dense backend forms the full 20 × 20 Hessian, but"
                + " max-dimension is 10. Use backend lanczos for a model of 20 parameters, or raise"
                + " max-dimension (it needs 1 MiB and O(n³) time).");
  }
}
