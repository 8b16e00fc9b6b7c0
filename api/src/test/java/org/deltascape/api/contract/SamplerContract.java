package org.deltascape.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import org.deltascape.api.Moments;
import org.deltascape.api.Plugin;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Sampler;
import org.deltascape.api.Settings;
import org.deltascape.api.ThetaSampler;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The checks every {@link Sampler} must pass: θ_s is a function of (key, s) alone, and the
 * empirical moments agree with the declared {@link Moments}. A sampler's test extends this class
 * and supplies the sampler and its settings.
 */
public abstract class SamplerContract extends PluginContract {

  /** The sampler under test. */
  protected abstract Sampler sampler();

  /** Its settings for these tests. */
  protected abstract Settings settings();

  /** D; 3 unless overridden. */
  protected int dimension() {
    return 3;
  }

  /** Samples for the moment check; 20,000 unless overridden. */
  protected int momentSamples() {
    return 20_000;
  }

  /**
   * The largest |z| allowed between an empirical moment and the declared one, z measured in
   * standard errors over the samples; 5 unless overridden (about 6e-7 two-sided per check for
   * independent samples, so a correct sampler practically never fails).
   */
  protected double zTolerance() {
    return 5.0;
  }

  @Override
  protected Plugin plugin() {
    return sampler();
  }

  private ThetaSampler create() {
    ThetaSampler thetas = sampler().create(settings(), dimension());
    assertThat(thetas.dimension()).isEqualTo(dimension());
    return thetas;
  }

  private double[][] draw(ThetaSampler thetas, RandomKey key, long first, int n) {
    INDArray out = Nd4j.create(DataType.DOUBLE, n, dimension());
    thetas.sample(key, first, out);
    return out.toDoubleMatrix();
  }

  @Test
  void aBlockDrawnAloneEqualsTheSameRowsDrawnTogether() {
    ThetaSampler thetas = create();
    RandomKey key = new RandomKey(17, "theta/contract", 0);
    double[][] all = draw(thetas, key, 0, 64);
    double[][] alone = draw(thetas, key, 10, 10);
    for (int s = 0; s < 10; s++) {
      assertThat(alone[s]).as("θ_%d", 10 + s).isEqualTo(all[10 + s]);
    }
    assertThat(draw(thetas, new RandomKey(18, "theta/contract", 0), 0, 1)[0])
        .as("another seed")
        .isNotEqualTo(all[0]);
  }

  @Test
  void empiricalMomentsMatchTheDeclaredOnes() {
    ThetaSampler thetas = create();
    Optional<Moments> declared = thetas.moments();
    assumeTrue(declared.isPresent(), "the sampler declares no moments");
    Moments moments = declared.get();
    int samples = momentSamples();
    int dim = dimension();
    double[][] theta = draw(thetas, new RandomKey(19, "theta/contract", 0), 0, samples);
    double[] first = new double[samples];
    double[] second = new double[samples];
    double[] fourth = new double[samples];
    double[] cross = new double[samples];
    for (int s = 0; s < samples; s++) {
      for (int d = 0; d < dim; d++) {
        double x = theta[s][d];
        first[s] += x / dim;
        second[s] += x * x / dim;
        fourth[s] += x * x * x * x / dim;
        for (int e = 0; e < dim; e++) {
          if (e != d) {
            cross[s] += x * x * theta[s][e] * theta[s][e] / (dim * (dim - 1.0));
          }
        }
      }
    }
    assertThat(z(first, 0.0)).as("z of the first moment").isLessThan(zTolerance());
    assertThat(z(second, moments.second())).as("z of the second moment").isLessThan(zTolerance());
    assertThat(z(fourth, moments.fourth())).as("z of the fourth moment").isLessThan(zTolerance());
    if (dim > 1) {
      assertThat(z(cross, moments.cross())).as("z of the cross moment").isLessThan(zTolerance());
    }
  }

  /** |mean − expected| in standard errors of the mean of the per-sample values. */
  private static double z(double[] values, double expected) {
    double mean = 0.0;
    for (double value : values) {
      mean += value;
    }
    mean /= values.length;
    double squares = 0.0;
    for (double value : values) {
      squares += (value - mean) * (value - mean);
    }
    double error = Math.sqrt(squares / (values.length - 1) / values.length);
    return Math.abs(mean - expected) / error;
  }
}
