package org.deltascape.estimators.curvature;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.EigenSolver;
import org.deltascape.api.Eigenpairs;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.SymmetricOperator;
import org.nd4j.linalg.api.ndarray.INDArray;

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
 * |λ_1|} are measured; these measured values decide {@code converged}. The products {@code A Q_m
 * s_i = Σ_j s_{j,i} A q_j} are combined from the Krylov steps' own recorded products (linearity),
 * so the measurement costs no product: the products used are the Krylov steps alone. The budget
 * {@code max-products} still reserves {@code count} of its products, as when each measurement
 * cost one, so that the number of Krylov steps a budget allows is unchanged. Immutable
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
    TopEigenpairs.requireCount(count, n);
    int krylovLimit = (int) Math.min(n, (long) maxProducts - count);
    if (krylovLimit < count) {
      throw new DeltascapeException(
          "lanczos needs at least " + 2 * count + " Hessian-vector products for " + count
              + " eigenpairs, but max-products is " + maxProducts,
          "curvature backend lanczos",
          "Raise max-products to at least " + 2 * count);
    }
    try (Progress.Task task = progress.start("lanczos", krylovLimit + count, "products")) {
      RecordedProducts recorded = new RecordedProducts(operator);
      OperatorProducts products = new OperatorProducts(recorded, task);
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
      double[][] images = new double[count][];
      for (int d = 0; d < count; d++) {
        double[] coefficients = krylov.eigen().vectors()[krylov.size() - 1 - d];
        ritzVectors[d] = krylov.basis().combine(coefficients);
        images[d] = recorded.combine(coefficients);
      }
      Eigenpairs pairs =
          TopEigenpairs.assembleMeasured(krylov.topValues(count), ritzVectors, images, tolerance);
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

  /**
   * The operator, keeping a copy of every product it makes: since {@code A(Q s) = Σ_j s_j (A q_j)},
   * the products of the Ritz vectors, and so their measured residuals, come from the Krylov
   * steps' own products instead of {@code count} new ones (about 2·m·P numbers of memory).
   */
  private static final class RecordedProducts implements SymmetricOperator {
    private final SymmetricOperator operator;
    private final List<double[]> images = new ArrayList<>();

    RecordedProducts(SymmetricOperator operator) {
      this.operator = operator;
    }

    @Override
    public long dimension() {
      return operator.dimension();
    }

    @Override
    public void apply(INDArray v, INDArray out) {
      operator.apply(v, out);
      images.add(out.toDoubleVector());
    }

    /** {@code Σ_j c_j (A q_j)} over the first {@code c.length} recorded products. */
    double[] combine(double[] coefficients) {
      double[] result = new double[(int) operator.dimension()];
      for (int j = 0; j < coefficients.length; j++) {
        KrylovBasis.axpy(coefficients[j], images.get(j), result);
      }
      return result;
    }
  }

  private DeltascapeException notConverged(Eigenpairs pairs, int steps) {
    return new DeltascapeException(
        String.format(
            Locale.ROOT,
            "lanczos did not reach tolerance %.3g after %d Krylov steps (max-products %d): %s",
            tolerance,
            steps,
            maxProducts,
            TopEigenpairs.largestResidual(pairs)),
        "curvature backend lanczos",
        "Raise max-products, or raise tolerance if the Hessian-vector products are float32"
            + " (they limit residuals to about 1e-7), or set allow-unconverged: true to go on"
            + " with these pairs");
  }
}
