package org.deltascape.estimators.samplers;

import java.util.Optional;
import java.util.random.RandomGenerator;
import org.deltascape.api.Moments;
import org.deltascape.api.RandomKey;
import org.deltascape.api.ThetaSampler;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * θ_s = σ·Φ⁻¹(u_s) coordinate-wise, u_s the s-th point of the Sobol sequence ({@link
 * SobolPoints}) with nested uniform scrambling ({@link OwenScramble}): the 32 leading digits of
 * coordinate d are scrambled with a seed of {@code (key.child("sobol-scramble"), d)}, and the
 * digits beyond them, which Owen's scrambling makes independent uniform, are drawn from the
 * generator of {@code key.at(s)}. So θ_s is a function of (key, s) only, and each u_s is exactly
 * uniform on (0, 1)^D: the declared moments are those of N(0, σ²I), the distribution the points
 * stand for. Immutable and thread-safe.
 */
final class SobolThetas implements ThetaSampler {
  private static final double TWO_TO_MINUS_32 = 0x1.0p-32;
  private static final double TWO_TO_MINUS_53 = 0x1.0p-53;

  private final double sigma;
  private final int dimension;

  SobolThetas(double sigma, int dimension) {
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
    if (first < 0 || first + n > (1L << 32)) {
      throw new IllegalArgumentException("Sobol points exist for indices below 2^32 only");
    }
    int[] seeds = new int[dimension];
    RandomKey scramble = key.child("sobol-scramble");
    for (int d = 0; d < dimension; d++) {
      seeds[d] = (int) scramble.at(d).mixed();
    }
    double[] values = new double[n * dimension];
    for (int s = 0; s < n; s++) {
      RandomGenerator tail = key.at(first + s).generator();
      for (int d = 0; d < dimension; d++) {
        int digits = OwenScramble.scramble(SobolPoints.point(first + s, d), seeds[d]);
        double jitter = ((tail.nextLong() >>> 11) + 0.5) * TWO_TO_MINUS_53;
        double u = (Integer.toUnsignedLong(digits) + jitter) * TWO_TO_MINUS_32;
        values[s * dimension + d] = sigma * InverseNormal.quantile(Math.min(u, Math.nextDown(1.0)));
      }
    }
    ThetaRows.write(out, values);
  }

  @Override
  public Optional<Moments> moments() {
    return Optional.of(Moments.gaussian(sigma));
  }
}
