package org.deltascape.estimators.samplers;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.Moments;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Sampler;
import org.deltascape.api.Settings;
import org.deltascape.api.ThetaSampler;
import org.deltascape.estimators.DeclaredKeys;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@code uniform-ball} sampler: θ uniform in the ball ‖θ‖ ≤ r of R^D, drawn as {@code r·U^{1/D}
 * z/‖z‖} with z standard normal and U uniform, all from the generator of {@code key.at(s)}.
 *
 * <p>Moments ({@link #moments(double, int)}): by symmetry E θ_d² = E‖θ‖²/D, and the radius ρ has
 * density {@code Dρ^{D−1}/r^D}, so E‖θ‖² = r²D/(D+2) and E θ_d² = r²/(D+2). On the sphere E u_d⁴ =
 * 3/(D(D+2)) and E u_d²u_e² = 1/(D(D+2)), and E ρ⁴ = r⁴D/(D+4), so E θ_d⁴ = 3r⁴/((D+2)(D+4)) and
 * E θ_d²θ_e² = r⁴/((D+2)(D+4)). The sampler's test checks these against exact quadrature over the
 * ball.
 *
 * <p>Config keys: {@code radius} (real, default 1.0, &gt; 0), {@code sigma-scale} ({@link
 * SigmaScale}; note that ‖θ‖ ≤ r already holds in every D, so {@code per-dimension} shrinks the
 * ball to radius r/√D).
 */
public final class UniformBallSampler implements Sampler {

  static final ConfigKey RADIUS =
      ConfigKey.real("radius", 1.0, "r, the radius of the ball (or half the side of the grid)")
          .greaterThan(0);

  @Override
  public String id() {
    return "uniform-ball";
  }

  @Override
  public String description() {
    return "θ uniform in the ball of radius r";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of(RADIUS, SigmaScale.KEY);
  }

  @Override
  public ThetaSampler create(Settings settings, int dimension) {
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension " + dimension + " is below 1");
    }
    double radius = new DeclaredKeys(settings, configKeys()).real(RADIUS.name());
    return new Ball(SigmaScale.apply(settings, radius, dimension), dimension);
  }

  /** The moments of the uniform distribution on the ball of radius r in R^D. */
  public static Moments moments(double radius, int dimension) {
    double r2 = radius * radius;
    double fourth = r2 * r2 / ((dimension + 2.0) * (dimension + 4.0));
    return new Moments(r2 / (dimension + 2.0), 3 * fourth, fourth);
  }

  /** Uniform points of the ball. Immutable and thread-safe. */
  private record Ball(double radius, int dimension) implements ThetaSampler {

    @Override
    public void sample(RandomKey key, long first, INDArray out) {
      int n = ThetaRows.rows(out, dimension);
      double[] values = new double[n * dimension];
      for (int s = 0; s < n; s++) {
        RandomGenerator random = key.at(first + s).generator();
        double norm2 = 0.0;
        for (int d = 0; d < dimension; d++) {
          double z = random.nextGaussian();
          values[s * dimension + d] = z;
          norm2 += z * z;
        }
        double scale = radius * Math.pow(random.nextDouble(), 1.0 / dimension) / Math.sqrt(norm2);
        for (int d = 0; d < dimension; d++) {
          values[s * dimension + d] *= scale;
        }
      }
      ThetaRows.write(out, values);
    }

    @Override
    public Optional<Moments> moments() {
      return Optional.of(UniformBallSampler.moments(radius, dimension));
    }
  }
}
