package org.deltascape.estimators.delta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.deltascape.api.DeltaCurve;
import org.deltascape.api.DeltaProblem;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.EigenSolver;
import org.deltascape.api.Eigenpairs;
import org.deltascape.api.EstimationContext;
import org.deltascape.api.EstimationInputs;
import org.deltascape.api.Estimator;
import org.deltascape.api.EstimatorInput;
import org.deltascape.api.ExampleDerivatives;
import org.deltascape.api.Moments;
import org.deltascape.api.PluginChoice;

/**
 * The approximation of Nikitin and Kiselev (2025), Theorem 1 (PAPER.md, "Estimators of Δ_k", 3),
 * which keeps only the curvature part of the increment and of it only the eigenvalues:
 *
 * <pre>  Δ_k ≈ (σ⁴/4)[2 Σ_d (λ_{k+1}^(d) − λ_k^(d))² + (Σ_d (λ_{k+1}^(d) − λ_k^(d)))²]</pre>
 *
 * with σ⁴ = m2², m2 = E θ_d² of the sampler (samplers without moments are refused).
 *
 * <ul>
 *   <li>{@code fixed-p}: λ_k^(d) = (PᵀH_kP)_dd with the space's fixed P, whose increments are the
 *       diagonal of B_k from prefix sums ({@link TaylorIncrements}): every k and every order,
 *       averaged over orders, exact (standard error 0).
 *   <li>{@code recomputed}: λ_k the top-D eigenvalues of H_k itself, as the authors' code did, from
 *       {@link EstimationContext#prefixHessian} of order 0 with the configured curvature backend,
 *       on a log-spaced set of k only (each costs two eigen-solves, the second warm-started from
 *       the first, each warm-started from the previous k); NaN at every other k.
 * </ul>
 *
 * Immutable and thread-safe.
 */
final class PaperApproximation implements Estimator {
  private final String id;
  private final boolean recomputed;
  private final PluginChoice backend;
  private final int points;

  PaperApproximation(String id, boolean recomputed, PluginChoice backend, int points) {
    this.id = id;
    this.recomputed = recomputed;
    this.backend = backend;
    this.points = points;
  }

  @Override
  public Set<EstimatorInput> inputs() {
    return Set.of(recomputed ? EstimatorInput.MODEL : EstimatorInput.DERIVATIVES);
  }

  @Override
  public DeltaCurve estimate(DeltaProblem problem, EstimationInputs inputs) {
    Moments moments = RequiredMoments.of(problem, id);
    double scale = moments.second() * moments.second() / 4;
    return recomputed
        ? recomputed(problem, inputs.context(), scale)
        : fixed(problem, inputs.derivatives(), scale);
  }

  private DeltaCurve fixed(DeltaProblem problem, ExampleDerivatives derivatives, double scale) {
    if (derivatives == null) {
      throw new IllegalArgumentException(id + " (fixed-p) needs the per-example derivatives");
    }
    TaylorIncrements taylor = new TaylorIncrements(derivatives, false);
    int steps = problem.steps();
    int orderCount = problem.orderCount();
    double[] delta = new double[steps];
    double[][] perOrder = new double[orderCount][steps];
    for (int r = 0; r < orderCount; r++) {
      taylor.start(problem.orders()[r], problem.blockSize());
      for (int j = 0; j < steps; j++) {
        taylor.next();
        perOrder[r][j] = theorem(taylor.b, scale);
        delta[j] += perOrder[r][j] / orderCount;
      }
    }
    return new DeltaCurve(
        delta,
        new double[steps],
        perOrder,
        null,
        Map.of(
            "form",
            "fixed-p: λ_k = diagonal of PᵀH_kP, every k and order; σ⁴ = (E θ_d²)²"));
  }

  private DeltaCurve recomputed(DeltaProblem problem, EstimationContext context, double scale) {
    if (context == null) {
      throw new IllegalArgumentException(id + " (recomputed) needs the model context");
    }
    int steps = problem.steps();
    int b = problem.blockSize();
    int dimension = problem.dimension();
    EigenSolver solver = context.solver(backend);
    double[] delta = new double[steps];
    double[] stdError = new double[steps];
    java.util.Arrays.fill(delta, Double.NaN);
    java.util.Arrays.fill(stdError, Double.NaN);
    List<Integer> chosen = new ArrayList<>(logSpaced(steps, points));
    boolean converged = true;
    Eigenpairs previous = null;
    double[] increments = new double[dimension];
    for (int k : chosen) {
      Eigenpairs at = solve(solver, context, k * b, dimension, k, previous);
      Eigenpairs next = solve(solver, context, (k + 1) * b, dimension, k, at);
      converged &= at.converged() && next.converged();
      double[] low = at.values();
      double[] high = next.values();
      for (int d = 0; d < dimension; d++) {
        increments[d] = high[d] - low[d];
      }
      delta[k - 1] = theorem(increments, scale);
      stdError[k - 1] = 0.0;
      previous = at;
    }
    Map<String, Object> notes = new LinkedHashMap<>();
    notes.put(
        "form",
        "recomputed: λ_k = top-" + dimension + " eigenvalues of H_k (order 0) by " + backend.id()
            + "; σ⁴ = (E θ_d²)²");
    notes.put("computed-at", List.copyOf(chosen));
    notes.put("missing", "NaN at every k not listed in computed-at (two eigen-solves per k)");
    notes.put("converged", converged);
    return new DeltaCurve(delta, stdError, null, null, notes);
  }

  private static Eigenpairs solve(
      EigenSolver solver,
      EstimationContext context,
      int examples,
      int dimension,
      int k,
      Eigenpairs warmStart) {
    var operator = context.prefixHessian(0, examples);
    if (operator.dimension() < dimension) {
      throw new DeltascapeException(
          "paper-approx (recomputed) needs " + dimension + " eigenvalues of a "
              + operator.dimension() + "-dimensional Hessian",
          "estimator paper-approx",
          "Use form: fixed-p");
    }
    var key = context.samplingKey().child("paper-approx").at(k);
    return solver.topEigenpairs(operator, dimension, key, context.progress(), warmStart);
  }

  /** (scale)·[2 Σ δ_d² + (Σ δ_d)²]. */
  private static double theorem(double[] increments, double scale) {
    double sum = 0.0;
    double squares = 0.0;
    for (double x : increments) {
      sum += x;
      squares += x * x;
    }
    return scale * (2 * squares + sum * sum);
  }

  /** About {@code count} distinct k, log-spaced over 1 … K, both ends included, ascending. */
  static TreeSet<Integer> logSpaced(int steps, int count) {
    TreeSet<Integer> ks = new TreeSet<>();
    for (int i = 0; i < count; i++) {
      double fraction = count == 1 ? 1.0 : i / (count - 1.0);
      ks.add((int) Math.round(Math.exp(fraction * Math.log(steps))));
    }
    return ks;
  }
}
