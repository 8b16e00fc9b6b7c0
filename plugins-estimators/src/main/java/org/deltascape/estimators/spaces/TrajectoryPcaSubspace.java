package org.deltascape.estimators.spaces;

import java.util.ArrayList;
import java.util.List;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Directions;
import org.deltascape.api.Settings;
import org.deltascape.api.Subspace;
import org.deltascape.api.SubspaceContext;
import org.deltascape.estimators.DeclaredKeys;
import org.deltascape.estimators.curvature.SymmetricEigen;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@code trajectory-pca} space (Li et al. 2018, §7, "PCA directions"): the principal directions
 * of the parameter snapshots taken after each training epoch, relative to w*.
 *
 * <p>Centring: on w*, as Li et al. do ({@code M = [w_0 − w*; …; w_{m−1} − w*]}), not on the
 * snapshots' mean: the space describes how training approached the minimum the landscape is
 * measured around, and its directions span the trajectory's deviation from w* exactly. Snapshots
 * equal to w* (the last one) add nothing and are left out.
 *
 * <p>Method: with X = [x_1 … x_r] (P × r, r ≤ epochs), the eigenpairs (λ_d, v_d) of the small Gram
 * matrix {@code XᵀX} (r × r, {@link SymmetricEigen}) give the principal directions {@code u_d = X
 * v_d / √λ_d}: O(P r²) time and no P × P matrix. The directions are reorthonormalised by
 * Gram–Schmidt twice (orthonormal to rounding) and signed with their largest component positive.
 * D may not exceed r, nor the number of directions the snapshots span (λ_d > 1e-12 λ_1); both are
 * refused with a message naming the numbers.
 *
 * <p>Needs the trajectory ({@link #needsTrajectory} is true): when w* was loaded rather than
 * trained, it refuses. Config keys: {@code dim} (integer, default 2, ≥ 1); {@code layers} (list of
 * tensor names, default all): PCA of those tensors' coordinates only ({@link LayerRestriction}).
 */
public final class TrajectoryPcaSubspace implements Subspace {
  static final ConfigKey DIM =
      ConfigKey.integer("dim", 2, "D, the number of principal directions").atLeast(1);

  /** Gram eigenvalues below this fraction of the largest count as zero. */
  static final double RANK_TOLERANCE = 1e-12;

  @Override
  public String id() {
    return "trajectory-pca";
  }

  @Override
  public String description() {
    return "principal directions of the training trajectory's snapshots relative to w*";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of(DIM, LayerRestriction.LAYERS);
  }

  @Override
  public boolean needsTrajectory(Settings settings) {
    return true;
  }

  /** Nested in D: principal directions come ordered by the variance they explain. */
  @Override
  public boolean nestedInDimension(Settings settings) {
    return true;
  }

  @Override
  public Directions directions(Settings settings, SubspaceContext context) {
    DeclaredKeys keys = new DeclaredKeys(settings, configKeys());
    LayerRestriction layers = LayerRestriction.of(settings, context);
    int dim = SpaceDimension.of(keys, context, layers);
    List<INDArray> snapshots = context.trajectory();
    if (snapshots.isEmpty()) {
      throw new DeltascapeException(
          "space " + context.name() + " (trajectory-pca) needs the parameter snapshots taken"
              + " during training, but there are none: w* was loaded rather than trained in this"
              + " run",
          "space " + context.name(),
          "Train the model in this run, or use another space");
    }
    double[] centre = layers.gather(context.weights().toDoubleVector());
    List<double[]> differences = new ArrayList<>();
    for (INDArray snapshot : snapshots) {
      double[] x = layers.gather(snapshot.toDoubleVector()).clone();
      boolean zero = true;
      for (int i = 0; i < x.length; i++) {
        x[i] -= centre[i];
        zero &= x[i] == 0.0;
      }
      if (!zero) {
        differences.add(x);
      }
    }
    int r = differences.size();
    if (dim > r) {
      throw settings.invalid(
          DIM.name(),
          "space " + context.name() + " asks for " + dim + " directions but the trajectory has"
              + " only " + r + " snapshots that differ from w* (of " + snapshots.size() + ")",
          "Use dim <= " + r + ", or train for more epochs");
    }
    double[][] directions = principal(differences, dim, settings, context);
    return new Directions(layers.expand(directions), true, null);
  }

  private static double[][] principal(
      List<double[]> x, int dim, Settings settings, SubspaceContext context) {
    int r = x.size();
    double[][] gram = new double[r][r];
    for (int a = 0; a < r; a++) {
      for (int b = 0; b <= a; b++) {
        gram[a][b] = dot(x.get(a), x.get(b));
        gram[b][a] = gram[a][b];
      }
    }
    SymmetricEigen eigen = SymmetricEigen.of(gram);
    double largest = eigen.values()[r - 1];
    int n = x.get(0).length;
    double[][] directions = new double[dim][];
    for (int d = 0; d < dim; d++) {
      double lambda = eigen.values()[r - 1 - d];
      if (!(lambda > RANK_TOLERANCE * largest)) {
        throw settings.invalid(
            DIM.name(),
            "space " + context.name() + " asks for " + dim + " directions but the snapshots span"
                + " only " + d,
            "Use dim <= " + d);
      }
      double[] v = eigen.vectors()[r - 1 - d];
      double[] u = new double[n];
      for (int j = 0; j < r; j++) {
        double weight = v[j];
        double[] column = x.get(j);
        for (int i = 0; i < n; i++) {
          u[i] += weight * column[i];
        }
      }
      for (int pass = 0; pass < 2; pass++) {
        for (int e = 0; e < d; e++) {
          double projection = dot(directions[e], u);
          for (int i = 0; i < n; i++) {
            u[i] -= projection * directions[e][i];
          }
        }
      }
      double norm = Math.sqrt(dot(u, u));
      int at = 0;
      for (int i = 1; i < n; i++) {
        if (Math.abs(u[i]) > Math.abs(u[at])) {
          at = i;
        }
      }
      double scale = (u[at] < 0 ? -1.0 : 1.0) / norm;
      for (int i = 0; i < n; i++) {
        u[i] *= scale;
      }
      directions[d] = u;
    }
    return directions;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0.0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
