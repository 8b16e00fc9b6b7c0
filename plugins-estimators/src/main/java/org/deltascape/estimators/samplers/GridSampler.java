package org.deltascape.estimators.samplers;

import java.util.List;
import java.util.Optional;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Moments;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Sampler;
import org.deltascape.api.Settings;
import org.deltascape.api.ThetaSampler;
import org.deltascape.estimators.DeclaredKeys;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@code grid} sampler, for pictures of the landscape: the n^D points of the regular grid
 * {@code x_j = −r + 2rj/(n−1)}, j = 0 … n−1, on each axis of [−r, r]^D (the authors' 21×21 grid
 * over [−1, 1]² is n = 21, r = 1, D = 2). Sample s is the grid point whose base-n digits are those
 * of s, each shifted cyclically by an amount drawn from {@code key.child("grid")}, so that the
 * order of visits depends on the key while the set of points does not.
 *
 * <p><b>S must equal n^D.</b> The declared moments are those of the full grid (independent
 * discrete uniform axes: E θ_d² = mean_j x_j², E θ_d⁴ = mean_j x_j⁴, E θ_d²θ_e² = (E θ_d²)²),
 * which the sample average attains exactly only when every point is visited once. Indices at or
 * beyond n^D are refused; the sampler cannot see S, so a run with S &lt; n^D visits part of the
 * grid and its closed-form estimators describe the full grid, not the part.
 *
 * <p>Config keys: {@code radius} (real, default 1.0, &gt; 0), {@code points-per-axis} (integer n,
 * default 21, at least 2), {@code sigma-scale} ({@link SigmaScale}).
 */
public final class GridSampler implements Sampler {

  static final ConfigKey POINTS =
      ConfigKey.integer("points-per-axis", 21, "n, grid points on each axis; S must be n^D")
          .atLeast(2);

  @Override
  public String id() {
    return "grid";
  }

  @Override
  public String description() {
    return "θ on the regular grid of n points per axis over [−r, r]^D (S must be n^D), for pictures";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of(UniformBallSampler.RADIUS, POINTS, SigmaScale.KEY);
  }

  @Override
  public ThetaSampler create(Settings settings, int dimension) {
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension " + dimension + " is below 1");
    }
    DeclaredKeys keys = new DeclaredKeys(settings, configKeys());
    int points = keys.integer(POINTS.name());
    long total = 1;
    for (int d = 0; d < dimension; d++) {
      if (total > Long.MAX_VALUE / points) {
        throw new DeltascapeException(
            "a grid of " + points + " points per axis in D = " + dimension
                + " dimensions has more than 2^63 points",
            settings.owner(),
            "Use the grid for pictures in D = 2 or 3, and another sampler otherwise");
      }
      total *= points;
    }
    double radius = SigmaScale.apply(settings, keys.real(UniformBallSampler.RADIUS.name()), dimension);
    double[] axis = new double[points];
    for (int j = 0; j < points; j++) {
      axis[j] = radius * (2.0 * j - (points - 1)) / (points - 1); // exactly symmetric
    }
    return new Grid(axis, dimension, total);
  }

  /** The moments of the full grid whose axis takes the values {@code axis} equally often. */
  public static Moments moments(double[] axis) {
    double second = 0.0;
    double fourth = 0.0;
    for (double x : axis) {
      second += x * x / axis.length;
      fourth += x * x * x * x / axis.length;
    }
    return new Moments(second, fourth, second * second);
  }

  /** Grid points by index. Immutable and thread-safe. */
  private record Grid(double[] axis, int dimension, long total) implements ThetaSampler {

    @Override
    public void sample(RandomKey key, long first, INDArray out) {
      int n = ThetaRows.rows(out, dimension);
      if (first < 0 || first + n > total) {
        throw new DeltascapeException(
            "the grid has " + axis.length + "^" + dimension + " = " + total
                + " points, and sample " + Math.max(first, total) + " is not one of them",
            "sampler grid",
            "Set samples: " + total + " so that every grid point is visited once");
      }
      int points = axis.length;
      RandomKey shifts = key.child("grid");
      int[] shift = new int[dimension];
      for (int d = 0; d < dimension; d++) {
        shift[d] = shifts.at(d).generator().nextInt(points);
      }
      double[] values = new double[n * dimension];
      for (int s = 0; s < n; s++) {
        long rest = first + s;
        for (int d = 0; d < dimension; d++) {
          values[s * dimension + d] = axis[(int) ((rest % points + shift[d]) % points)];
          rest /= points;
        }
      }
      ThetaRows.write(out, values);
    }

    @Override
    public Optional<Moments> moments() {
      return Optional.of(GridSampler.moments(axis));
    }
  }
}
