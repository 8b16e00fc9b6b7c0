package org.deltascape.estimators.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Moments;
import org.deltascape.api.Sampler;
import org.deltascape.api.Settings;
import org.deltascape.api.contract.SamplerContract;
import org.junit.jupiter.api.Test;

class GaussianSamplerTest extends SamplerContract {

  @Override
  protected Sampler sampler() {
    return new GaussianSampler();
  }

  @Override
  protected Settings settings() {
    return Settings.of("sampler gaussian", Map.of("sigma", 0.7));
  }

  @Test
  void momentsAreThoseOfTheGaussianOfSigma() {
    assertThat(sampler().create(settings(), 2).moments()).contains(Moments.gaussian(0.7));
    assertThat(sampler().create(Settings.empty("sampler gaussian"), 2).moments())
        .contains(Moments.gaussian(1.0));
  }

  @Test
  void aNonPositiveSigmaIsRefusedWithWhereItCameFrom() {
    Settings bad =
        new Settings("sampler gaussian", Map.of("sigma", 0.0), Map.of("sigma", "a.yaml:9"));
    assertThatThrownBy(() -> sampler().create(bad, 2))
        .isInstanceOf(DeltascapeException.class)
        .hasMessage(
            "a.yaml:9: sampler gaussian: sigma = 0.0: out of range, expected > 0. Use a value"
                + " > 0.");
  }
}
