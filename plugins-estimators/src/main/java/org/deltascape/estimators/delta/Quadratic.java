package org.deltascape.estimators.delta;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.deltascape.api.DeltaCurve;
import org.deltascape.api.DeltaProblem;
import org.deltascape.api.EstimationInputs;
import org.deltascape.api.Estimator;
import org.deltascape.api.EstimatorInput;
import org.deltascape.api.ExampleDerivatives;
import org.deltascape.api.Moments;

/**
 * The closed form of Δ_k for the second-order Taylor model of the increment (PAPER.md, "Estimators
 * of Δ_k", 2; Kiselev and Grabovoy 2024, 2026): {@code Δ_k = E(a_k + c_kᵀθ + ½θᵀB_kθ)²} written
 * with the sampler's moments ({@link QuadraticForm}), with a_k, c_k (the gradient difference) and
 * B_k from prefix sums of the per-example derivatives ({@link TaylorIncrements}), for every k and
 * every data order, averaged over orders.
 *
 * <p>Exact (standard error 0) up to D = {@code exact-up-to}; above it, the terms that need all of
 * B_k, {@code (tr B)² + 2Σ_{d≠e}B_de²}, are estimated with Hutchinson's Rademacher probes ({@link
 * ProbedQuartic}; tr B and Σ_d B_dd² stay exact), and the standard error is the probes' one:
 * {@code (m22/4)·sd_m(Y_{m,k})/√M} with {@code Y_{m,k} = mean_r (z_mᵀB_{r,k}z_m)²}. Notes say
 * which, and the share of each term (a², a·m2·tr B, m2‖c‖², ¼E(θᵀBθ)²) in Σ_k Δ_k. Immutable and
 * thread-safe.
 */
final class Quadratic implements Estimator {
  private final String id;
  private final int exactUpTo;
  private final int probes;

  Quadratic(String id, int exactUpTo, int probes) {
    this.id = id;
    this.exactUpTo = exactUpTo;
    this.probes = probes;
  }

  @Override
  public Set<EstimatorInput> inputs() {
    return Set.of(EstimatorInput.DERIVATIVES);
  }

  @Override
  public DeltaCurve estimate(DeltaProblem problem, EstimationInputs inputs) {
    Moments moments = RequiredMoments.of(problem, id);
    ExampleDerivatives derivatives = inputs.derivatives();
    if (derivatives == null) {
      throw new IllegalArgumentException(id + " needs the per-example derivatives");
    }
    boolean probed = problem.dimension() > exactUpTo;
    TaylorIncrements taylor = new TaylorIncrements(derivatives, !probed);
    ProbedQuartic quartic = probed ? new ProbedQuartic(derivatives, probes) : null;
    int steps = problem.steps();
    int orderCount = problem.orderCount();
    int dimension = taylor.dimension();
    double[] delta = new double[steps];
    double[][] perOrder = new double[orderCount][steps];
    double[] probeMeans = probed ? new double[steps * probes] : null;
    double[] shares = new double[4];
    for (int r = 0; r < orderCount; r++) {
      taylor.start(problem.orders()[r], problem.blockSize());
      if (probed) {
        quartic.start(problem.orders()[r], problem.blockSize());
      }
      for (int j = 0; j < steps; j++) {
        taylor.next();
        QuadraticForm.Terms terms;
        if (probed) {
          quartic.next();
          terms = probedTerms(moments, taylor, quartic, probeMeans, j, orderCount);
        } else {
          terms = exactTerms(moments, taylor, dimension);
        }
        perOrder[r][j] = terms.total();
        delta[j] += terms.total() / orderCount;
        shares[0] += terms.constant();
        shares[1] += terms.cross();
        shares[2] += terms.linear();
        shares[3] += terms.quartic();
      }
    }
    double[] stdError = new double[steps];
    if (probed) {
      for (int j = 0; j < steps; j++) {
        double mean = 0.0;
        for (int m = 0; m < probes; m++) {
          mean += probeMeans[j * probes + m] / probes;
        }
        double squares = 0.0;
        for (int m = 0; m < probes; m++) {
          double deviation = probeMeans[j * probes + m] - mean;
          squares += deviation * deviation;
        }
        stdError[j] = 0.25 * moments.cross() * Math.sqrt(squares / (probes - 1) / probes);
      }
    }
    return new DeltaCurve(delta, stdError, perOrder, null, notes(probed, dimension, shares));
  }

  private static QuadraticForm.Terms exactTerms(
      Moments moments, TaylorIncrements taylor, int dimension) {
    return QuadraticForm.denseTerms(moments, taylor.a, taylor.c, taylor.b, dimension);
  }

  /**
   * With Rademacher z, E(θᵀBθ)² = (m4 − m22)Σ_d B_dd² + m22·E_z(zᵀBz)², the second part probed.
   */
  private QuadraticForm.Terms probedTerms(
      Moments moments,
      TaylorIncrements taylor,
      ProbedQuartic quartic,
      double[] probeMeans,
      int j,
      int orderCount) {
    double gradientSquare = 0.0;
    double trace = 0.0;
    double diagonalSquares = 0.0;
    for (int d = 0; d < taylor.dimension(); d++) {
      gradientSquare += taylor.c[d] * taylor.c[d];
      trace += taylor.b[d];
      diagonalSquares += taylor.b[d] * taylor.b[d];
    }
    double probed = 0.0;
    for (int m = 0; m < probes; m++) {
      double square = quartic.increments[m] * quartic.increments[m];
      probed += square / probes;
      probeMeans[j * probes + m] += square / orderCount;
    }
    double a = taylor.a;
    double m2 = moments.second();
    double fourth =
        0.25 * ((moments.fourth() - moments.cross()) * diagonalSquares + moments.cross() * probed);
    return new QuadraticForm.Terms(a * a, a * m2 * trace, m2 * gradientSquare, fourth);
  }

  private Map<String, Object> notes(boolean probed, int dimension, double[] shares) {
    Map<String, Object> notes = new LinkedHashMap<>();
    notes.put(
        "traces",
        probed
            ? "D = " + dimension + " > " + exactUpTo + ": (tr B)² + 2Σ_{d≠e} B_de² estimated with "
                + probes + " Hutchinson probes; std-error is the probes' error"
            : "exact (std-error 0)");
    double total = shares[0] + shares[1] + shares[2] + shares[3];
    notes.put("share-constant", shares[0] / total);
    notes.put("share-cross", shares[1] / total);
    notes.put("share-linear", shares[2] / total);
    notes.put("share-quartic", shares[3] / total);
    return notes;
  }
}
