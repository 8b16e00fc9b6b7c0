package org.deltascape.estimators.curvature;

import java.util.Arrays;
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
 * <p>From a Gaussian start vector drawn from the key, the three-term recurrence {@code β_j q_{j+1}
 * = A q_j − α_j q_j − β_{j−1} q_{j−1}} builds an orthonormal basis Q_m of the Krylov space in which
 * {@code Q_mᵀ A Q_m = T_m} is tridiagonal. Each new vector is orthogonalised against all earlier
 * ones by classical Gram–Schmidt applied twice, so Q_m stays orthonormal to rounding and no ghost
 * copies of converged eigenvalues appear (Parlett 1980, §13.8). Every {@value #CHECK_EVERY} steps
 * T_m is diagonalised by implicit QL ({@link SymmetricEigen}); the residual of Ritz pair i is
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
  static final int CHECK_EVERY = 4;
  private static final double BREAKDOWN = 1e-10;

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
      Krylov krylov = iterate(products, count, krylovLimit, key.generator());
      double[][] ritzVectors = new double[count][];
      for (int d = 0; d < count; d++) {
        ritzVectors[d] = krylov.basis.combine(krylov.eigen.vectors()[krylov.size - 1 - d]);
      }
      Eigenpairs pairs =
          TopEigenpairs.assemble(krylov.topValues(count), ritzVectors, products::apply, tolerance);
      if (!pairs.converged() && !allowUnconverged) {
        throw notConverged(pairs, krylov.size);
      }
      return pairs;
    }
  }

  /** The state at the end of the Krylov phase: basis Q_m and the eigenpairs of T_m. */
  private record Krylov(KrylovBasis basis, SymmetricEigen eigen, int size) {
    double[] topValues(int count) {
      double[] values = new double[count];
      for (int d = 0; d < count; d++) {
        values[d] = eigen.values()[size - 1 - d];
      }
      return values;
    }
  }

  private Krylov iterate(OperatorProducts products, int count, int limit, RandomGenerator random) {
    int n = products.dimension();
    KrylovBasis basis = new KrylovBasis(n);
    double[] alpha = new double[limit];
    double[] beta = new double[limit];
    double[] q = basis.freshUnitVector(random);
    double normEstimate = 0.0;
    SymmetricEigen eigen = null;
    for (int j = 0; ; j++) {
      basis.add(q);
      double[] w = products.apply(q);
      alpha[j] = KrylovBasis.dot(q, w);
      KrylovBasis.axpy(-alpha[j], q, w);
      if (j > 0) {
        KrylovBasis.axpy(-beta[j - 1], basis.get(j - 1), w);
      }
      basis.orthogonalise(w);
      int m = j + 1;
      double b = KrylovBasis.norm(w);
      normEstimate = Math.max(normEstimate, Math.abs(alpha[j]) + b + (j > 0 ? beta[j - 1] : 0));
      boolean last = m >= limit;
      boolean restart = !last && b <= BREAKDOWN * normEstimate;
      beta[j] = restart ? 0.0 : b;
      if (last || (m >= count && !restart && m % CHECK_EVERY == 0)) {
        eigen = SymmetricEigen.ofTridiagonal(Arrays.copyOf(alpha, m), beta);
        if (last || converged(eigen, beta[j], count)) {
          return new Krylov(basis, eigen, m);
        }
      }
      if (restart) {
        q = basis.freshUnitVector(random);
      } else {
        q = w;
        KrylovBasis.scale(1.0 / b, q);
      }
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
