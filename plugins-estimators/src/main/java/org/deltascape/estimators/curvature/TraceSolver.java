package org.deltascape.estimators.curvature;

import java.util.random.RandomGenerator;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.EigenSolver;
import org.deltascape.api.Eigenpairs;
import org.deltascape.api.Estimate;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.SymmetricOperator;

/**
 * Stochastic trace estimation from products alone.
 *
 * <p><b>Hutchinson (1989).</b> For Rademacher probes z_j (entries ±1, drawn from {@code
 * key.child("hutchinson").at(j)}), {@code E zᵀAz = tr A}; the estimate is the mean of m = {@code
 * probes} such quadratic forms and its standard error their sample standard deviation over √m.
 * The variance of one probe is {@code 2(‖A‖_F² − Σ a_ii²)}, so the error is O(‖A‖_F/√m).
 *
 * <p><b>Hutch++ (Meyer, Musco, Musco & Woodruff 2021, Algorithm 1).</b> With m products split as
 * k = ⌊m/3⌋, k and m − 2k: form the sketch {@code AS} of k Rademacher vectors, orthonormalise it
 * to Q (Gram–Schmidt twice, {@link KrylovBasis}; columns that vanish are dropped), take {@code
 * tr(QᵀAQ)} exactly with k products, and add Hutchinson's estimate of {@code tr((I − QQᵀ)A(I −
 * QQᵀ))} from the remaining m − 2k probes, projected. The top of the spectrum is captured exactly,
 * so on a matrix whose trace is dominated by a few large eigenvalues the error is O(1/m) rather
 * than O(1/√m). The standard error is the remainder's (the sketch part is exact given Q); it is NaN
 * when the remainder has one probe.
 *
 * <p>Eigenpairs are refused. Immutable and thread-safe; a run is a function of the operator and the
 * key.
 */
final class TraceSolver implements EigenSolver {
  /** The fewest probes Hutch++ accepts: two per third. */
  static final int MIN_HUTCH_PLUS_PLUS_PROBES = 6;

  private final int probes;
  private final boolean plusPlus;

  TraceSolver(int probes, boolean plusPlus) {
    this.probes = probes;
    this.plusPlus = plusPlus;
  }

  @Override
  public Eigenpairs topEigenpairs(
      SymmetricOperator operator, int count, RandomKey key, Progress progress) {
    throw new DeltascapeException(
        "hutchinson estimates the trace of the Hessian, not its eigenpairs",
        "curvature backend hutchinson",
        "Use backend lanczos (or power-iteration, or dense for tiny models) for eigenpairs");
  }

  @Override
  public Estimate trace(SymmetricOperator operator, RandomKey key, Progress progress) {
    String what = plusPlus ? "hutch++" : "hutchinson";
    try (Progress.Task task = progress.start(what, probes, "products")) {
      OperatorProducts products = new OperatorProducts(operator, task);
      RandomKey probeKey = key.child("hutchinson");
      return plusPlus ? hutchPlusPlus(products, probeKey) : hutchinson(products, probeKey);
    }
  }

  private Estimate hutchinson(OperatorProducts products, RandomKey key) {
    double[] samples = new double[probes];
    for (int j = 0; j < probes; j++) {
      double[] z = rademacher(key.at(j).generator(), products.dimension());
      samples[j] = KrylovBasis.dot(z, products.apply(z));
    }
    return meanWithError(samples, 0.0);
  }

  private Estimate hutchPlusPlus(OperatorProducts products, RandomKey key) {
    int n = products.dimension();
    int k = probes / 3;
    KrylovBasis q = new KrylovBasis(n);
    for (int j = 0; j < k && q.size() < n; j++) {
      double[] column = products.apply(rademacher(key.at(j).generator(), n));
      double before = KrylovBasis.norm(column);
      q.orthogonalise(column);
      double after = KrylovBasis.norm(column);
      if (after > 1e-10 * before && after > 0.0) {
        KrylovBasis.scale(1.0 / after, column);
        q.add(column);
      }
    }
    double sketchTrace = 0.0;
    for (int j = 0; j < q.size(); j++) {
      sketchTrace += KrylovBasis.dot(q.get(j), products.apply(q.get(j)));
    }
    int rest = probes - 2 * k;
    double[] samples = new double[rest];
    for (int j = 0; j < rest; j++) {
      double[] z = rademacher(key.at(k + j).generator(), n);
      q.orthogonalise(z);
      samples[j] = KrylovBasis.dot(z, products.apply(z));
    }
    return meanWithError(samples, sketchTrace);
  }

  /** {@code offset + mean(samples)} with the standard error of the mean. */
  static Estimate meanWithError(double[] samples, double offset) {
    int m = samples.length;
    double mean = 0.0;
    for (double sample : samples) {
      mean += sample;
    }
    mean /= m;
    double squares = 0.0;
    for (double sample : samples) {
      squares += (sample - mean) * (sample - mean);
    }
    double error = m > 1 ? Math.sqrt(squares / (m - 1) / m) : Double.NaN;
    return new Estimate(offset + mean, error);
  }

  /** A vector of independent ±1 entries. */
  static double[] rademacher(RandomGenerator random, int n) {
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = random.nextBoolean() ? 1.0 : -1.0;
    }
    return z;
  }
}
