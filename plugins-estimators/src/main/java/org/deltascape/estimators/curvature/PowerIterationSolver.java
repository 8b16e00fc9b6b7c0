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
 * Shifted, deflated power iteration for the algebraically largest eigenpairs, stopped on the
 * residual.
 *
 * <p><b>Shift.</b> Power iteration converges to the eigenvalue of largest magnitude; on a Hessian
 * with λ_min = −12 and λ_1 = 10 it would return −12. It therefore iterates on {@code A + sI} with
 * {@code s ≥ −λ_min}, where every shifted eigenvalue is non-negative and magnitude order is
 * algebraic order. s should be no larger than needed, since the rate of pair d is {@code (λ_{d+1} +
 * s)/(λ_d + s)}: s = ρ (the spectral radius) would slow a Hessian with λ_1 = 10, λ_min = −0.1
 * tenfold. The solver bounds the spectrum first with {@value #INTERVAL_STEPS} Lanczos steps
 * ({@link LanczosRecurrence}; far cheaper and more reliable than a second power iteration on
 * {@code A − λ_1 I}, which converges slowly when the bottom of the spectrum is clustered): the
 * smallest Ritz value θ_min is at least λ_min, and θ_min − r_min (its residual estimate) is a
 * lower bound for the nearest eigenvalue. Then {@code s = max(0, −(θ_min − r_min) + }{@value
 * #SHIFT_MARGIN}{@code ·(θ_max − θ_min))}; the margin covers the case that θ_min still sits above
 * λ_min. A positive semi-definite operator (the Gauss–Newton matrix) gets s = 0.
 *
 * <p><b>Deflation and stopping.</b> Pair d iterates {@code v ← normalise((I − V_dV_dᵀ)(A + sI)v)},
 * V_d the pairs already found (projection deflation, more stable than Hotelling's {@code A −
 * Σλ_i v_i v_iᵀ}), from a Gaussian start drawn from the key. Each step's product {@code w = Av}
 * gives the Rayleigh quotient {@code λ = vᵀw} and the true residual {@code ‖w − λv‖} of the
 * unshifted operator at no extra cost; the pair stops when it is at most {@code tolerance·|λ_1|}.
 * (The authors stopped when λ changed little, which happens long before the vector has converged
 * when two eigenvalues are close.) A final Rayleigh–Ritz step on the span of the D vectors, from
 * the products already made, separates pairs left mixed and orders them, largest first. Since a
 * Ritz vector mixes up to D iterates, whose residuals add, each pair iterates to {@code
 * tolerance·|λ_1|/√D}. Residuals reported are measured from those products, so no product is spent
 * on them.
 *
 * <p><b>Budget.</b> {@code max-products} covers the interval estimate and every iteration; pair d
 * may use all of what is left but one product for each later pair. When the budget runs out the
 * pairs reached are returned with {@code converged = false} if {@code allow-unconverged}, else the
 * solve fails with the residuals reached (the same policy as {@code lanczos}).
 *
 * <p><b>Warm start.</b> Pair d starts from warm-start vector d (where there is one) plus a
 * Gaussian part of weight {@value #WARM_NOISE}, which keeps a component along every eigenvector so
 * that the residual test cannot accept a warm vector whose eigenvalue has been overtaken. Immutable
 * and thread-safe; a run is a function of the operator, {@code count}, the key and the warm start.
 */
final class PowerIterationSolver implements EigenSolver {
  /** Lanczos steps spent on bounding the spectrum for the shift. */
  static final int INTERVAL_STEPS = 16;

  /** The shift's margin, as a fraction of the estimated spectral width. */
  static final double SHIFT_MARGIN = 0.01;

  /** The weight of the random part of a warm start vector. */
  static final double WARM_NOISE = 1e-4;

  private final double tolerance;
  private final int maxProducts;
  private final boolean allowUnconverged;

  PowerIterationSolver(double tolerance, int maxProducts, boolean allowUnconverged) {
    this.tolerance = tolerance;
    this.maxProducts = maxProducts;
    this.allowUnconverged = allowUnconverged;
  }

  @Override
  public Eigenpairs topEigenpairs(
      SymmetricOperator operator, int count, RandomKey key, Progress progress) {
    return topEigenpairs(operator, count, key, progress, null);
  }

  @Override
  public Eigenpairs topEigenpairs(
      SymmetricOperator operator,
      int count,
      RandomKey key,
      Progress progress,
      Eigenpairs warmStart) {
    long n = operator.dimension();
    TopEigenpairs.requireCount(count, n);
    int intervalSteps = (int) Math.min(n, INTERVAL_STEPS);
    if (maxProducts < intervalSteps + count) {
      throw new DeltascapeException(
          "power-iteration needs at least " + (intervalSteps + count) + " Hessian-vector products"
              + " for " + count + " eigenpairs (" + intervalSteps + " to bound the spectrum, one"
              + " per pair), but max-products is " + maxProducts,
          "curvature backend power-iteration",
          "Raise max-products well above " + (intervalSteps + count));
    }
    try (Progress.Task task = progress.start("power iteration", maxProducts, "products")) {
      OperatorProducts products = new OperatorProducts(operator, task);
      RandomGenerator random = key.generator();
      double shift = shift(products, random, intervalSteps);
      double[][] warm = warmStart == null ? new double[0][] : WarmStart.columns(warmStart, (int) n);
      KrylovBasis found = new KrylovBasis((int) n);
      Pair[] pairs = new Pair[count];
      int used = intervalSteps;
      for (int d = 0; d < count; d++) {
        double[] start =
            d < warm.length
                ? WarmStart.withNoise(warm[d], random, WARM_NOISE)
                : found.freshUnitVector(random);
        double scale =
            d == 0 ? Double.NaN : TopEigenpairs.residualScale(new double[] {pairs[0].value});
        int allowed = maxProducts - used - (count - d - 1);
        double pairScale = scale / Math.sqrt(count);
        pairs[d] = iterate(products, found, start, shift, pairScale, count, allowed, random);
        used += pairs[d].products;
        found.add(pairs[d].vector);
      }
      return result(pairs, used);
    }
  }

  /** One pair: its Rayleigh quotient, unit vector, product {@code Av}, and products used. */
  private record Pair(double value, double[] vector, double[] image, int products) {}

  private Pair iterate(
      OperatorProducts products,
      KrylovBasis found,
      double[] start,
      double shift,
      double scale,
      int count,
      int allowed,
      RandomGenerator random) {
    double[] v = start.clone();
    found.orthogonalise(v);
    double norm = KrylovBasis.norm(v);
    if (norm <= 1e-8) {
      v = found.freshUnitVector(random);
    } else {
      KrylovBasis.scale(1.0 / norm, v);
    }
    for (int step = 1; ; step++) {
      double[] w = products.apply(v);
      double value = KrylovBasis.dot(v, w);
      double residual = 0.0;
      for (int i = 0; i < w.length; i++) {
        double r = w[i] - value * v[i];
        residual += r * r;
      }
      residual = Math.sqrt(residual);
      double relativeTo =
          Double.isNaN(scale) ? (value != 0.0 ? Math.abs(value) : 1.0) / Math.sqrt(count) : scale;
      if (residual <= tolerance * relativeTo || step >= allowed) {
        return new Pair(value, v, w, step);
      }
      double[] next = w.clone();
      KrylovBasis.axpy(shift, v, next);
      found.orthogonalise(next);
      double length = KrylovBasis.norm(next);
      if (length == 0.0) {
        return new Pair(value, v, w, step);
      }
      KrylovBasis.scale(1.0 / length, next);
      v = next;
    }
  }

  /** s from a short Lanczos run: see the class comment. */
  private static double shift(OperatorProducts products, RandomGenerator random, int steps) {
    LanczosRecurrence.Krylov krylov =
        LanczosRecurrence.run(
            products, null, random, steps, Integer.MAX_VALUE, true, (eigen, betaM) -> false);
    double[] ritz = krylov.eigen().values();
    int m = ritz.length;
    double lower = ritz[0] - krylov.residualEstimate(0);
    double upper = ritz[m - 1] + krylov.residualEstimate(m - 1);
    return Math.max(0.0, -lower + SHIFT_MARGIN * (upper - lower));
  }

  /**
   * The final Rayleigh–Ritz step on the span of the deflated vectors V, from the products W = AV
   * already made (no new products): the eigenpairs S, Θ of {@code VᵀW} (symmetrised) give the Ritz
   * vectors {@code VS} with products {@code WS}. It separates pairs that the iteration left mixed
   * (two close eigenvalues stop on the residual before separating) and orders them.
   */
  private Eigenpairs result(Pair[] pairs, int used) {
    int count = pairs.length;
    double[][] projected = new double[count][count];
    for (int a = 0; a < count; a++) {
      for (int b = 0; b <= a; b++) {
        double value =
            0.5 * (KrylovBasis.dot(pairs[a].vector, pairs[b].image)
                + KrylovBasis.dot(pairs[b].vector, pairs[a].image));
        projected[a][b] = value;
        projected[b][a] = value;
      }
    }
    SymmetricEigen ritz = SymmetricEigen.of(projected);
    double[] values = new double[count];
    double[][] vectors = new double[count][];
    double[][] images = new double[count][];
    for (int d = 0; d < count; d++) {
      double[] s = ritz.vectors()[count - 1 - d];
      values[d] = ritz.values()[count - 1 - d];
      vectors[d] = new double[pairs[0].vector.length];
      images[d] = new double[pairs[0].vector.length];
      for (int e = 0; e < count; e++) {
        KrylovBasis.axpy(s[e], pairs[e].vector, vectors[d]);
        KrylovBasis.axpy(s[e], pairs[e].image, images[d]);
      }
    }
    Eigenpairs result = TopEigenpairs.assembleMeasured(values, vectors, images, tolerance);
    if (!result.converged() && !allowUnconverged) {
      throw notConverged(result, used);
    }
    return result;
  }

  private DeltascapeException notConverged(Eigenpairs pairs, int used) {
    return new DeltascapeException(
        String.format(
            Locale.ROOT,
            "power-iteration did not reach tolerance %.3g within %d products (max-products %d): %s",
            tolerance,
            used,
            maxProducts,
            TopEigenpairs.largestResidual(pairs)),
        "curvature backend power-iteration",
        "Raise max-products, or use backend lanczos (far fewer products on clustered spectra), or"
            + " raise tolerance, or set allow-unconverged: true to go on with these pairs");
  }
}
