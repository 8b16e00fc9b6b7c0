package org.deltascape.estimators.curvature;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.EigenSolver;
import org.deltascape.api.Eigenpairs;
import org.deltascape.api.Estimate;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.SpectralDensity;
import org.deltascape.api.SymmetricOperator;

/**
 * Stochastic Lanczos quadrature (Lin, Saad & Yang 2016, §3.2; Ghorbani, Krishnan & Xiao 2019).
 *
 * <p>For a unit probe v, the spectral measure {@code μ_v = Σ_i (v·u_i)² δ(t − λ_i)} of A is
 * approximated by the m-point Gauss quadrature that m Lanczos steps from v give: nodes the
 * eigenvalues θ_j of T_m, weights the squared first components {@code s_{1j}²} of its eigenvectors
 * (Golub & Welsch 1969); it integrates polynomials of degree up to 2m − 1 exactly. With v = z/√n
 * for Rademacher z (drawn from {@code key.child("slq").at(l)}), {@code E μ_v} is the spectral density
 * (1/n) Σ δ(t − λ_i); averaging the probes and smoothing each node with a Gaussian of width
 * {@code σ_abs = sigma · (θ_max − θ_min)} (over all probes' nodes; relative to max(|θ|, 1) when the
 * range is zero) gives the density on a uniform grid from θ_min − 5σ_abs to θ_max + 5σ_abs. The
 * recurrence is {@link LanczosRecurrence} with full reorthogonalisation; it ends early when the
 * Krylov space is invariant, where the quadrature is exact.
 *
 * <p>The trace is a by-product: {@code Σ_j s_{1j}² θ_j = (T_m)_{11} = α_1 = vᵀAv}, so {@code n ·
 * mean_l Σ_j w_{lj} θ_{lj}} is Hutchinson's estimate with the same Rademacher probes; its standard
 * error is recorded in the notes ({@code trace}, {@code trace-std-error}), and {@link #trace}
 * computes the same number from the first step of each probe alone (one product per probe).
 *
 * <p>Eigenpairs are refused. Immutable and thread-safe; a run is a function of the operator and the
 * key.
 */
final class QuadratureSolver implements EigenSolver {
  /** Half-widths of the smoothing kernel added to each side of the node range. */
  static final double PAD_WIDTHS = 5.0;

  private final int probes;
  private final int steps;
  private final double sigma;
  private final int grid;

  QuadratureSolver(int probes, int steps, double sigma, int grid) {
    this.probes = probes;
    this.steps = steps;
    this.sigma = sigma;
    this.grid = grid;
  }

  @Override
  public Eigenpairs topEigenpairs(
      SymmetricOperator operator, int count, RandomKey key, Progress progress) {
    throw new DeltascapeException(
        "slq estimates the spectral density of the Hessian, not its top eigenpairs",
        "curvature backend slq",
        "Use backend lanczos (or power-iteration, or dense for tiny models) for eigenpairs");
  }

  @Override
  public Estimate trace(SymmetricOperator operator, RandomKey key, Progress progress) {
    try (Progress.Task task = progress.start("slq trace", probes, "products")) {
      OperatorProducts products = new OperatorProducts(operator, task);
      int n = products.dimension();
      double[] samples = new double[probes];
      for (int l = 0; l < probes; l++) {
        double[] v = probe(key, l, n);
        samples[l] = n * KrylovBasis.dot(v, products.apply(v));
      }
      return TraceSolver.meanWithError(samples, 0.0);
    }
  }

  @Override
  public SpectralDensity density(SymmetricOperator operator, RandomKey key, Progress progress) {
    long n = operator.dimension();
    int m = (int) Math.min(n, steps);
    double[][] nodes = new double[probes][];
    double[][] weights = new double[probes][];
    double[] traces = new double[probes];
    int used = 0;
    try (Progress.Task task = progress.start("slq", (long) probes * m, "products")) {
      OperatorProducts products = new OperatorProducts(operator, task);
      for (int l = 0; l < probes; l++) {
        LanczosRecurrence.Krylov krylov =
            LanczosRecurrence.run(
                products,
                probe(key, l, (int) n),
                null,
                m,
                Integer.MAX_VALUE,
                false,
                (eigen, betaM) -> false);
        int size = krylov.size();
        used += size;
        nodes[l] = krylov.eigen().values().clone();
        weights[l] = new double[size];
        for (int j = 0; j < size; j++) {
          double first = krylov.eigen().vectors()[j][0];
          weights[l][j] = first * first;
          traces[l] += n * weights[l][j] * nodes[l][j];
        }
      }
    }
    Estimate trace = TraceSolver.meanWithError(traces, 0.0);
    Map<String, Object> notes = new LinkedHashMap<>();
    notes.put("probes", probes);
    notes.put("steps", m);
    notes.put("products", used);
    notes.put("sigma", sigma);
    notes.put("trace", trace.value());
    notes.put("trace-std-error", trace.stdError());
    return smooth(nodes, weights, notes);
  }

  private SpectralDensity smooth(double[][] nodes, double[][] weights, Map<String, Object> notes) {
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (double[] probeNodes : nodes) {
      for (double node : probeNodes) {
        low = Math.min(low, node);
        high = Math.max(high, node);
      }
    }
    double range = high - low;
    double width =
        sigma * (range > 0 ? range : Math.max(Math.max(Math.abs(low), Math.abs(high)), 1.0));
    double from = low - PAD_WIDTHS * width;
    double to = high + PAD_WIDTHS * width;
    double[] points = new double[grid];
    double[] density = new double[grid];
    double norm = 1.0 / (probes * width * Math.sqrt(2 * Math.PI));
    for (int g = 0; g < grid; g++) {
      double t = from + (to - from) * g / (grid - 1);
      points[g] = t;
      double sum = 0.0;
      for (int l = 0; l < nodes.length; l++) {
        for (int j = 0; j < nodes[l].length; j++) {
          double z = (t - nodes[l][j]) / width;
          sum += weights[l][j] * Math.exp(-0.5 * z * z);
        }
      }
      density[g] = sum * norm;
    }
    notes.put("width", width);
    return new SpectralDensity(points, density, nodes, weights, notes);
  }

  /** Probe l: a Rademacher vector scaled to unit length. */
  private static double[] probe(RandomKey key, int l, int n) {
    double[] v = TraceSolver.rademacher(key.child("slq").at(l).generator(), n);
    KrylovBasis.scale(1.0 / Math.sqrt(n), v);
    return v;
  }
}
