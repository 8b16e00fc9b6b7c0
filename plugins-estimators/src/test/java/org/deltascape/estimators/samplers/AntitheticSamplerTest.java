package org.deltascape.estimators.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Sampler;
import org.deltascape.api.Settings;
import org.deltascape.api.contract.SamplerContract;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AntitheticSamplerTest extends SamplerContract {

  @Override
  protected Sampler sampler() {
    return new AntitheticSampler();
  }

  @Override
  protected Settings settings() {
    return Settings.of("sampler antithetic", Map.of("sigma", 1.3));
  }

  @Test
  void oddSamplesAreTheNegatedEvenOnes() {
    INDArray out = Nd4j.zeros(DataType.DOUBLE, 8, 3);
    sampler().create(settings(), 3).sample(new RandomKey(3, "theta/x", 0), 0, out);
    double[][] theta = out.toDoubleMatrix();
    for (int j = 0; j < 4; j++) {
      for (int d = 0; d < 3; d++) {
        assertThat(theta[2 * j + 1][d]).isEqualTo(-theta[2 * j][d]);
      }
    }
  }
}
