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

/** The moments' closed form is checked against quadrature over the ball in QuadraticFormTest. */
class UniformBallSamplerTest extends SamplerContract {

  @Override
  protected Sampler sampler() {
    return new UniformBallSampler();
  }

  @Override
  protected Settings settings() {
    return Settings.of("sampler uniform-ball", Map.of("radius", 2.0));
  }

  @Test
  void everyPointLiesInTheBall() {
    INDArray out = Nd4j.zeros(DataType.DOUBLE, 256, 5);
    sampler().create(settings(), 5).sample(new RandomKey(3, "theta/x", 0), 0, out);
    for (double[] theta : out.toDoubleMatrix()) {
      double norm2 = 0.0;
      for (double x : theta) {
        norm2 += x * x;
      }
      assertThat(Math.sqrt(norm2)).isLessThanOrEqualTo(2.0);
    }
  }
}
