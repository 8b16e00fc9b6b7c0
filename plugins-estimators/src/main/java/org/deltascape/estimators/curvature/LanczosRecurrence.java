package org.deltascape.estimators.curvature;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The Lanczos three-term recurrence with full reorthogonalisation (Lanczos 1950; Parlett, "The
 * Symmetric Eigenvalue Problem", 1980, ch. 13), shared by the {@code lanczos} eigensolver, the
 * spectral-interval estimate of {@code power-iteration} and stochastic Lanczos quadrature ({@code
 * slq}).
 *
 * <p>From a unit start vector q_1, {@code β_j q_{j+1} = A q_j − α_j q_j − β_{j−1} q_{j−1}} builds
 * an orthonormal basis Q_m of the Krylov space with {@code Q_mᵀ A Q_m = T_m} tridiagonal
 * (α on the diagonal, β off it). Each new vector is orthogonalised against all earlier ones by
 * classical Gram–Schmidt applied twice, so Q_m stays orthonormal to rounding (Parlett 1980,
 * §13.8). When β_m vanishes (an invariant subspace) the recurrence either restarts with a fresh
 * random vector orthogonal to the basis and β_m = 0 (eigensolvers: multiple eigenvalues are then
 * found too) or ends there (quadrature: T_m is then exact for the start vector). Not thread-safe;
 * static methods only.
 */
final class LanczosRecurrence {
  /** Steps between convergence checks. */
  static final int CHECK_EVERY = 4;

  /** β_m below this fraction of the running norm estimate counts as a breakdown. */
  static final double BREAKDOWN = 1e-10;

  private LanczosRecurrence() {}

  /** When to stop early: consulted every {@value #CHECK_EVERY} steps from a first step on. */
  @FunctionalInterface
  interface StopRule {
    /**
     * @param eigen the eigenpairs of T_m
     * @param betaM β_m, the coupling to the next (not yet formed) basis vector
     */
    boolean stop(SymmetricEigen eigen, double betaM);
  }

  /**
   * The state at the end of a run: basis Q_m, T_m's entries and eigenpairs, and β_m.
   *
   * @param basis Q_m
   * @param alpha the diagonal of T_m, length m
   * @param beta the off-diagonal of T_m, length m − 1 (zero where the recurrence restarted)
   * @param eigen the eigenpairs of T_m (ascending values, vectors by rows)
   * @param lastBeta β_m: the residual of Ritz pair i is {@code |β_m s_{m,i}|}
   */
  record Krylov(
      KrylovBasis basis, double[] alpha, double[] beta, SymmetricEigen eigen, double lastBeta) {

    /** m, the number of steps taken. */
    int size() {
      return alpha.length;
    }

    /** The {@code count} largest Ritz values, largest first. */
    double[] topValues(int count) {
      double[] values = new double[count];
      for (int d = 0; d < count; d++) {
        values[d] = eigen.values()[size() - 1 - d];
      }
      return values;
    }

    /** The Ritz vector {@code Q_m s} of the {@code d}-th largest Ritz value (0-based). */
    double[] topVector(int d) {
      return basis.combine(eigen.vectors()[size() - 1 - d]);
    }

    /** The residual estimate {@code |β_m s_{m,i}|} of Ritz value i (ascending order, 0-based). */
    double residualEstimate(int i) {
      double[] s = eigen.vectors()[i];
      return Math.abs(lastBeta * s[s.length - 1]);
    }
  }

  /**
   * Runs the recurrence for at most {@code limit} steps.
   *
   * @param products the operator's products, one per step
   * @param start the unit start vector (kept as q_1), or null for a Gaussian one from {@code
   *     random}
   * @param random the source of start and restart vectors
   * @param limit the largest m, at most n
   * @param firstCheck the first m at which {@code rule} is consulted (then every {@value
   *     #CHECK_EVERY} steps, never on a restart step); {@link Integer#MAX_VALUE} for never
   * @param restartOnBreakdown restart with a fresh vector when β_m vanishes, rather than stop
   * @param rule the early stop
   */
  static Krylov run(
      OperatorProducts products,
      double[] start,
      RandomGenerator random,
      int limit,
      int firstCheck,
      boolean restartOnBreakdown,
      StopRule rule) {
    int n = products.dimension();
    KrylovBasis basis = new KrylovBasis(n);
    double[] alpha = new double[limit];
    double[] beta = new double[limit];
    double[] q = start != null ? start.clone() : basis.freshUnitVector(random);
    double normEstimate = 0.0;
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
      boolean last = m >= limit || m >= n;
      boolean breakdown = !last && b <= BREAKDOWN * normEstimate;
      boolean restart = breakdown && restartOnBreakdown;
      beta[j] = breakdown ? 0.0 : b;
      boolean check = m >= firstCheck && !restart && m % CHECK_EVERY == 0;
      if (last || (breakdown && !restartOnBreakdown) || check) {
        double[] diagonal = Arrays.copyOf(alpha, m);
        SymmetricEigen eigen = SymmetricEigen.ofTridiagonal(diagonal, beta);
        if (last || breakdown || rule.stop(eigen, beta[j])) {
          return new Krylov(basis, diagonal, Arrays.copyOf(beta, m - 1), eigen, beta[j]);
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
}
