package org.deltascape.estimators.delta;

import java.util.Map;
import java.util.Set;
import org.deltascape.api.DeltaCurve;
import org.deltascape.api.DeltaProblem;
import org.deltascape.api.EstimationInputs;
import org.deltascape.api.Estimate;
import org.deltascape.api.Estimator;
import org.deltascape.api.EstimatorInput;
import org.deltascape.api.PartialSums;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Δ_k averaged over uniformly random data orders, in closed form (PAPER.md, "Data order matters
 * more than it seems"; issue 2, "Why many data orders"):
 *
 * <pre>  E_order Δ_k = N/(N−1) · E_θ[Var_i l_i(w*+Pθ)] / (b·k·(k+1))</pre>
 *
 * <p>since {@code L_{k+1} − L_k = (B_{k+1} − L_k)/(k+1)} and B_{k+1}, L_k are means of disjoint
 * samples drawn without replacement from the N losses, with mean zero difference and variance
 * {@code N/(N−1)·Var·(k+1)/(b·k)}. Var_i is the population variance (divided by N) of one
 * sample's N losses, computed in two passes (mean, then squared deviations) so that a large common
 * loss level costs no precision.
 *
 * <p>Sums per block ({@link PartialSums#sums()}): {@code [Σ_s Var_s, Σ_s Var_s²]}. The estimate
 * is {@code V = mean_s Var_s} with standard error {@code sd_s(Var_s)/√S}, scaled by the factor of
 * each k; the plateau is V itself (the curve is exactly V/factor by construction). There is no
 * curve per order. Immutable and thread-safe.
 */
final class PermutationMean implements Estimator {
  private final String id;

  PermutationMean(String id) {
    this.id = id;
  }

  @Override
  public Set<EstimatorInput> inputs() {
    return Set.of(EstimatorInput.LOSS_SAMPLES);
  }

  @Override
  public PartialSums accumulate(DeltaProblem problem, long first, INDArray losses) {
    int n = losses.rows();
    int examples = problem.examples();
    double[] flat = LossMatrix.rowMajor(losses, examples);
    double sum = 0.0;
    double sumOfSquares = 0.0;
    for (int s = 0; s < n; s++) {
      int base = s * examples;
      double mean = 0.0;
      for (int i = 0; i < examples; i++) {
        mean += flat[base + i];
      }
      mean /= examples;
      double squares = 0.0;
      double deviations = 0.0;
      for (int i = 0; i < examples; i++) {
        double deviation = flat[base + i] - mean;
        squares += deviation * deviation;
        deviations += deviation;
      }
      // The correction term of the corrected two-pass algorithm (Chan, Golub and LeVeque 1983).
      double variance = (squares - deviations * deviations / examples) / examples;
      sum += variance;
      sumOfSquares += variance * variance;
    }
    return new PartialSums(id, first, n, new double[] {sum, sumOfSquares});
  }

  @Override
  public DeltaCurve estimate(DeltaProblem problem, EstimationInputs inputs) {
    PartialSums partial = inputs.sums();
    if (partial == null || !partial.estimator().equals(id) || partial.sums().length != 2) {
      throw new IllegalArgumentException(id + " needs its own partial sums");
    }
    double[] sums = partial.sums();
    double samples = partial.count();
    double plateau = sums[0] / samples;
    double plateauError =
        Math.sqrt(MonteCarlo.sampleVariance(sums[1], plateau, samples) / samples);
    int steps = problem.steps();
    double[] delta = new double[steps];
    double[] stdError = new double[steps];
    for (int j = 0; j < steps; j++) {
      double factor = Plateau.factor(problem, j + 1);
      delta[j] = plateau / factor;
      stdError[j] = plateauError / factor;
    }
    return new DeltaCurve(delta, stdError, null, new Estimate(plateau, plateauError), Map.of());
  }
}
