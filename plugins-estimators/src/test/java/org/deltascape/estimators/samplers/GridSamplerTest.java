package org.deltascape.estimators.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Sampler;
import org.deltascape.api.Settings;
import org.deltascape.api.contract.SamplerContract;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GridSamplerTest extends SamplerContract {

  @Override
  protected Sampler sampler() {
    return new GridSampler();
  }

  @Override
  protected Settings settings() {
    return Settings.of("sampler grid", Map.of("radius", 1.5, "points-per-axis", 4));
  }

  /** The whole grid, 4³ points: its average is the declared moments exactly. */
  @Override
  protected int momentSamples() {
    return 64;
  }

  @Test
  void theFirstNToTheDSamplesVisitEveryGridPointOnce() {
    INDArray out = Nd4j.zeros(DataType.DOUBLE, 64, 3);
    sampler().create(settings(), 3).sample(new RandomKey(3, "theta/x", 0), 0, out);
    Set<List<Double>> points = new HashSet<>();
    for (double[] theta : out.toDoubleMatrix()) {
      for (double x : theta) {
        assertThat(x).isIn(-1.5, -0.5, 0.5, 1.5);
      }
      points.add(List.of(theta[0], theta[1], theta[2]));
    }
    assertThat(points).hasSize(64);
  }

  @Test
  void aSampleBeyondTheGridIsRefusedWithTheRightSampleCount() {
    INDArray out = Nd4j.zeros(DataType.DOUBLE, 2, 3);
    assertThatThrownBy(
            () -> sampler().create(settings(), 3).sample(new RandomKey(3, "theta/x", 0), 63, out))
        .isInstanceOf(DeltascapeException.class)
        .hasMessage("sampler grid: the grid has 4^3 = 64 points, and sample 64 is not one of them."
            + " Set samples: 64 so that every grid point is visited once.");
  }
}
