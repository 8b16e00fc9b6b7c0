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
import org.deltascape.api.PartialSums;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The O(1/k²) bound of Kiselev and Grabovoy (2024, Lemma 2; 2026) (PAPER.md, "Estimators of Δ_k",
 * 4), with its constants estimated from the model and the data:
 *
 * <pre>  Δ_k ≤ [12 M_l² + 12 m2 M_g² + 3 E‖θ‖⁴ M_H²] / (k+1)²</pre>
 *
 * <p><b>Derivation, per example and per block.</b> With the Taylor expansion at w*, {@code (k+1)·inc
 * = (B_{k+1} − L_k)(w*) + (ḡ_{k+1} − ḡ_k)ᵀθ + ½θᵀ(H̄_{k+1} − H̄_k)θ}, where bars are means over the
 * next block and the prefix (of single examples when b = 1) and the Hessians are taken inside the
 * region. Every mean of per-example quantities bounded by M_l, M_g, M_H is bounded by them too, so
 * the three differences are at most 2M_l, 2M_g‖·‖ and 2M_H in norm for any b, k counting blocks;
 * with (x+y+z)² ≤ 3(x²+y²+z²), E(vᵀθ)² = m2‖v‖² and E‖θ‖⁴ = D·m4 + D(D−1)·m22 (σ⁴(D²+2D) for the
 * Gaussian) the bound follows. It is the follow-up paper's form with the gradient term for the
 * gradient <em>difference</em> c_k (its 3σ²M_g² bounds c_k = Pᵀ∇L_{k+1} alone, which PAPER.md
 * says not to use).
 *
 * <p><b>Constants.</b> M_l = the largest |l_i| over w* and all S θ samples (from the loss samples,
 * carried in the partial sums by {@link LossCeiling}); M_g and M_H = {@code safety} × the largest
 * per-example gradient and Hessian (Frobenius) norms at w* and at the first {@code region-points}
 * θ samples ({@link RegionNorms}). M_g and M_H are estimates over a few points, not certified
 * bounds; the notes say so and give every constant. Without a model context (tests), the norms
 * come from w* alone. The standard error is 0: this is a bound, not an estimate. Immutable and
 * thread-safe.
 */
final class Bound implements Estimator {
  private final String id;
  private final double safety;
  private final int regionPoints;

  Bound(String id, double safety, int regionPoints) {
    this.id = id;
    this.safety = safety;
    this.regionPoints = regionPoints;
  }

  @Override
  public Set<EstimatorInput> inputs() {
    return Set.of(EstimatorInput.LOSS_SAMPLES, EstimatorInput.DERIVATIVES, EstimatorInput.MODEL);
  }

  @Override
  public PartialSums accumulate(DeltaProblem problem, long first, INDArray losses) {
    int n = losses.rows();
    int examples = problem.examples();
    double[] flat = LossMatrix.rowMajor(losses, examples);
    double[] counts = new double[LossCeiling.BINS];
    for (int s = 0; s < n; s++) {
      double max = 0.0;
      for (int i = s * examples, end = i + examples; i < end; i++) {
        max = Math.max(max, Math.abs(flat[i]));
      }
      counts[LossCeiling.bin(max)] += 1;
    }
    return new PartialSums(id, first, n, counts);
  }

  @Override
  public DeltaCurve estimate(DeltaProblem problem, EstimationInputs inputs) {
    Moments moments = RequiredMoments.of(problem, id);
    ExampleDerivatives derivatives = inputs.derivatives();
    PartialSums sums = inputs.sums();
    if (derivatives == null || sums == null || sums.sums().length != LossCeiling.BINS) {
      throw new IllegalArgumentException(id + " needs its partial sums and the derivatives");
    }
    double lossMax = LossCeiling.ceiling(sums.sums(), 0);
    for (double value : TaylorIncrements.flat(derivatives.values())) {
      lossMax = Math.max(lossMax, Math.abs(value));
    }
    RegionNorms norms = RegionNorms.atCentre(derivatives);
    if (inputs.context() != null) {
      int count = (int) Math.min(regionPoints, problem.samples());
      norms = norms.andSampled(inputs.context(), count);
    }
    double gradient = safety * norms.gradient();
    double hessian = safety * norms.hessian();
    int dimension = problem.dimension();
    double normFourth =
        dimension * moments.fourth() + dimension * (dimension - 1.0) * moments.cross();
    double numerator =
        12 * lossMax * lossMax
            + 12 * moments.second() * gradient * gradient
            + 3 * normFourth * hessian * hessian;
    int steps = problem.steps();
    double[] delta = new double[steps];
    for (int j = 0; j < steps; j++) {
      delta[j] = numerator / ((j + 2.0) * (j + 2.0));
    }
    Map<String, Object> notes = new LinkedHashMap<>();
    notes.put("bound", "[12 M_l² + 12 m2 M_g² + 3 E‖θ‖⁴ M_H²]/(k+1)², k in steps of b examples");
    notes.put("M_l", lossMax);
    notes.put("M_l-from", "max |l_i| over w* and all " + sums.count() + " θ samples (binned up,"
        + " at most 4.4% high)");
    notes.put("M_g", gradient);
    notes.put("M_H", hessian);
    notes.put("norms-from", "max per-example ‖Pᵀ∇l_i‖ and ‖Pᵀ∇²l_i P‖_F at w* and at "
        + norms.points() + " θ samples, times safety " + safety
        + (inputs.context() == null ? " (no model context: w* only)" : "")
        + "; estimates, not certified bounds");
    notes.put("E|θ|^4", normFourth);
    return new DeltaCurve(delta, new double[steps], null, null, notes);
  }
}
