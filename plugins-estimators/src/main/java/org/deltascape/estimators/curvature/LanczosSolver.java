package org.deltascape.estimators.curvature;

import java.util.Locale;
import java.util.random.RandomGenerator;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.EigenSolver;
import org.deltascape.api.Eigenpairs;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.SymmetricOperator;

/**
 * Lanczos (1950) with full reorthogonalisation, for the algebraically largest eigenpairs.
 *
 * <p>From a Gaussian start vector drawn from the key (or a warm start, see below), the
 * three-term recurrence {@code β_j q_{j+1} = A q_j − α_j q_j − β_{j−1} q_{j−1}} ({@link
 * LanczosRecurrence}) builds an orthonormal basis Q_m of the Krylov space in which {@code Q_mᵀ A
 * Q_m = T_m} is tridiagonal. Each new vector is orthogonalised against all earlier ones by
 * classical Gram–Schmidt applied twice, so Q_m stays orthonormal to rounding and no ghost copies
 * of converged eigenvalues appear (Parlett 1980, §13.8). Every {@value
 * LanczosRecurrence#CHECK_EVERY} steps T_m is diagonalised by implicit QL ({@link
 * SymmetricEigen}); the residual of Ritz pair i is
 * then exactly {@code |β_m s_{m,i}|} (Parlett 1980, §13.2), without products. The iteration stops
 * when the top {@code count} of these are below {@code tolerance · |θ_1|}, or at the budget.
 *
 * <p>When β_m vanishes (an invariant subspace: the operator has repeated eigenvalues, or the
 * space is exhausted) the iteration restarts with a fresh random vector orthogonal to the basis,
 * with β_m = 0, so multiple eigenvalues are found too; no convergence test is made on such a step,
 * since eigenvalues outside the subspace are still unseen.
 *
 * <p>Finally the Ritz vectors {@code Q_m s_i} are formed and their residuals {@code ‖Av − λv‖ /
 * |λ_1|} are measured with one product each; these measured values decide {@code converged}.
 * The budget {@code max-products} covers both the Krylov steps and these measurements. Immutable
 * and thread-safe; a run is a function of the operator, {@code count} and the key.
 */
final class LanczosSolver implements EigenSolver {
  /** The weight γ of the random part of a warm start vector. */
  static final double WARM_NOISE = 1e-2;

  private final double tolerance;
  private final int maxProducts;
  private final boolean allowUnconverged;

  LanczosSolver(double tolerance, int maxProducts, boolean allowUnconverged) {
    this.tolerance = tolerance;
    this.maxProducts = maxProducts;
    this.allowUnconverged = allowUnconverged;
  }

  @Override
  public Eigenpairs topEigenpairs(
      SymmetricOperator operator, int count, RandomKey key, Progress progress) {
    return topEigenpairs(operator, count, key, progress, null);
  }

  /**
   * {@inheritDoc}
   *
   * <p>With a warm start, the Krylov space is started from {@code u = Σ_d v_d/√W + γ g} (v_d the
   * W warm-start vectors, g a unit Gaussian vector drawn from the key, γ = {@value
   * #WARM_NOISE}), normalised. The start vector is then rich in the wanted eigenvectors, so the
   * top Ritz values converge in fewer steps; the random part keeps a component along every
   * eigenvector, so an eigenvalue that has overtaken the warm ones is still found.
   */
  @Override
  public Eigenpairs topEigenpairs(
      SymmetricOperator operator,
      int count,
      RandomKey key,
      Progress progress,
      Eigenpairs warmStart) {
    long n = operator.dimension();
    if (count < 1 || count > n) {
      throw new IllegalArgumentException("count " + count + " is not in 1.." + n);
    }
    int krylovLimit = (int) Math.min(n, (long) maxProducts - count);
    if (krylovLimit < count) {
      throw new DeltascapeException(
          "lanczos needs at least " + 2 * count + " Hessian-vector products for " + count
              + " eigenpairs, but max-products is " + maxProducts,
          "curvature backend lanczos",
          "Raise max-products to at least " + 2 * count);
    }
    try (Progress.Task task = progress.start("lanczos", krylovLimit + count, "products")) {
      OperatorProducts products = new OperatorProducts(operator, task);
      RandomGenerator random = key.generator();
      double[] start = WarmStart.startVector(warmStart, (int) n, random, WARM_NOISE);
      LanczosRecurrence.Krylov krylov =
          LanczosRecurrence.run(
              products,
              start,
              random,
              krylovLimit,
              count,
              true,
              (eigen, betaM) -> converged(eigen, betaM, count));
      double[][] ritzVectors = new double[count][];
      for (int d = 0; d < count; d++) {
        ritzVectors[d] = krylov.topVector(d);
      }
      Eigenpairs pairs =
          TopEigenpairs.assemble(krylov.topValues(count), ritzVectors, products::apply, tolerance);
      if (!pairs.converged() && !allowUnconverged) {
        throw notConverged(pairs, krylov.size());
      }
      return pairs;
    }
  }

  /** Whether the top {@code count} residual estimates |β_m s_{m,i}| are below tolerance·|θ_1|. */
  private boolean converged(SymmetricEigen eigen, double betaM, int count) {
    double[] values = eigen.values();
    int m = values.length;
    double[] top = new double[count];
    for (int d = 0; d < count; d++) {
      top[d] = values[m - 1 - d];
    }
    double bound = tolerance * TopEigenpairs.residualScale(top);
    for (int d = 0; d < count; d++) {
      double[] s = eigen.vectors()[m - 1 - d];
      if (Math.abs(betaM * s[m - 1]) > bound) {
        return false;
      }
    }
    return true;
  }

  private DeltascapeException notConverged(Eigenpairs pairs, int steps) {
    double[] residuals = pairs.residuals();
    int worst = 0;
    for (int d = 1; d < residuals.length; d++) {
      if (residuals[d] > residuals[worst]) {
        worst = d;
      }
    }
    return new DeltascapeException(
        String.format(
            Locale.ROOT,
            "lanczos did not reach tolerance %.3g after %d Krylov steps (max-products %d): the"
                + " largest relative residual is %.3g, of pair %d of %d",
            tolerance,
            steps,
            maxProducts,
            residuals[worst],
            worst + 1,
            residuals.length),
        "curvature backend lanczos",
        "Raise max-products, or raise tolerance if the Hessian-vector products are float32"
            + " (they limit residuals to about 1e-7), or set allow-unconverged: true to go on"
            + " with these pairs");
  }
}
