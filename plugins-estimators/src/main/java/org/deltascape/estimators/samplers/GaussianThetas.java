package org.deltascape.estimators.samplers;

import java.util.Optional;
import java.util.random.RandomGenerator;
import org.deltascape.api.Moments;
import org.deltascape.api.RandomKey;
import org.deltascape.api.ThetaSampler;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * θ_s ~ N(0, σ² I_D): coordinate d of θ_s is σ times the d-th standard normal of the generator of
 * {@code key.at(s)}, so θ_s depends on (key, s) only. Immutable and thread-safe.
 */
final class GaussianThetas implements ThetaSampler {
  private final double sigma;
  private final int dimension;

  GaussianThetas(double sigma, int dimension) {
    this.sigma = sigma;
    this.dimension = dimension;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public void sample(RandomKey key, long first, INDArray out) {
    int n = ThetaRows.rows(out, dimension);
    double[] values = new double[n * dimension];
    for (int s = 0; s < n; s++) {
      RandomGenerator random = key.at(first + s).generator();
      for (int d = 0; d < dimension; d++) {
        values[s * dimension + d] = sigma * random.nextGaussian();
      }
    }
    ThetaRows.write(out, values);
  }

  @Override
  public Optional<Moments> moments() {
    return Optional.of(Moments.gaussian(sigma));
  }
}
