package org.deltascape.estimators.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Moments;
import org.deltascape.api.Sampler;
import org.deltascape.api.Settings;
import org.deltascape.api.contract.SamplerContract;
import org.junit.jupiter.api.Test;

class SobolSamplerTest extends SamplerContract {

  /** AS 241 against SciPy's ndtri: relative error of about 1e-16. */
  private static final double QUANTILE_TOLERANCE = 1e-14;

  @Override
  protected Sampler sampler() {
    return new SobolSampler();
  }

  @Override
  protected Settings settings() {
    return Settings.of("sampler sobol", Map.of("sigma", 0.7));
  }

  @Test
  void unscrambledPointsEqualSciPysSobolSequence() {
    // scipy.stats.qmc.Sobol(d=256, scramble=False), fast_forward(i), times 2^32; dims 1,2,3,10,100,256.
    int[] dims = {0, 1, 2, 9, 99, 255};
    long[][] expected = {
      {943718400L, 415236096L, 2227175424L, 297795584L, 801112064L, 1069547520L},
      {2261286912L, 2932375552L, 3467149312L, 3217195008L, 1828683776L, 4239163392L}
    };
    long[] index = {1000, 123457};
    for (int p = 0; p < 2; p++) {
      for (int d = 0; d < dims.length; d++) {
        assertThat(Integer.toUnsignedLong(SobolPoints.point(index[p], dims[d])))
            .as("point %d, dimension %d", index[p], dims[d] + 1)
            .isEqualTo(expected[p][d]);
      }
    }
    assertThat(Integer.toUnsignedLong(SobolPoints.point(1, 255))).isEqualTo(1L << 31);
  }

  @Test
  void theInverseNormalMatchesReferenceQuantiles() {
    // scipy.special.ndtri at these p.
    double[][] reference = {
      {1e-300, -37.0470962993612}, {2.3e-10, -6.232176082280632}, {0.0125, -2.241402727604945},
      {0.3, -0.5244005127080409}, {0.5, 0.0}, {0.77, 0.7388468491852137},
      {0.975, 1.959963984540054}, {0.999999999999, 7.0344869100478356}
    };
    for (double[] pair : reference) {
      assertThat(InverseNormal.quantile(pair[0])).as("Φ⁻¹(%s)", pair[0])
          .isCloseTo(pair[1], within(QUANTILE_TOLERANCE * Math.max(1, Math.abs(pair[1]))));
    }
  }

  @Test
  void perDimensionScaleDividesSigmaByTheRootOfD() {
    Settings settings =
        Settings.of("sampler sobol", Map.of("sigma", 2.0, "sigma-scale", "per-dimension"));
    assertThat(sampler().create(settings, 16).moments()).contains(Moments.gaussian(0.5));
    assertThat(new GaussianSampler().create(settings, 4).moments()).contains(Moments.gaussian(1.0));
  }

  @Test
  void moreDimensionsThanTheDirectionNumbersCoverAreRefused() {
    assertThatThrownBy(() -> sampler().create(settings(), 257))
        .isInstanceOf(DeltascapeException.class)
        .hasMessageContaining("D <= 256, not D = 257");
  }
}
