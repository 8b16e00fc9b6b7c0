package org.deltascape.models.cnn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The branch-free relu slope against its definition {@code z > 0 ? 1 : 0}, at the edge cases. */
class HostStepsTest {

  @Test
  void reluSlopeIsOneExactlyForPositiveNumbers() {
    float[] floats = {
      0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, 1f, -1f, Float.MAX_VALUE,
      -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY
    };
    for (float z : floats) {
      assertThat(HostSteps.reluSlope(z)).as("slope at %s", z).isEqualTo(z > 0 ? 1f : 0f);
      assertThat(HostSteps.reluSlope((double) z)).as("slope at %s", z).isEqualTo(z > 0 ? 1.0 : 0.0);
    }
    assertThat(HostSteps.reluSlope(Double.MIN_VALUE)).isEqualTo(1.0);
    assertThat(HostSteps.reluSlope(-Double.MIN_VALUE)).isEqualTo(0.0);
  }
}
