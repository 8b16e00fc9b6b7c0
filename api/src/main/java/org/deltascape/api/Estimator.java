package org.deltascape.api;

import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A configured estimator of Δ_k. Stateless: everything it accumulates lives in {@link
 * PartialSums} values, so that blocks of samples can be computed anywhere and combined in index
 * order. Immutable and thread-safe.
 */
public interface Estimator {

  /** What the engine must compute for this estimator. */
  Set<EstimatorInput> inputs();

  /**
   * The sums over one block of samples {@code [first, first + n)}.
   *
   * @param losses {@code n × N} DOUBLE: row s is {@code l_i(w* + Pθ_{first+s})} for every example
   *     i in dataset order
   * @throws UnsupportedOperationException when {@link #inputs()} lacks {@link
   *     EstimatorInput#LOSS_SAMPLES}
   */
  default PartialSums accumulate(DeltaProblem problem, long first, INDArray losses) {
    throw new UnsupportedOperationException(getClass().getName() + " takes no loss samples");
  }

  /**
   * The sums over one block of samples, given the θ of each row too (for estimators, such as a
   * control variate, that evaluate something else at the same θ). By default the θ are ignored.
   *
   * @param thetas {@code n × D} DOUBLE: row s is θ_{first+s}
   * @param losses {@code n × N} DOUBLE, as in {@link #accumulate(DeltaProblem, long, INDArray)}
   */
  default PartialSums accumulate(DeltaProblem problem, long first, INDArray thetas, INDArray losses) {
    return accumulate(problem, first, losses);
  }

  /**
   * This estimator bound to what it needs before sampling starts: called once per space, before
   * any {@code accumulate}, with the per-example derivatives when {@link #inputs()} holds {@link
   * EstimatorInput#DERIVATIVES} (else null). By default returns itself.
   */
  default Estimator prepared(DeltaProblem problem, ExampleDerivatives derivatives) {
    return this;
  }

  /** Δ_k for every k from the inputs it declared. */
  DeltaCurve estimate(DeltaProblem problem, EstimationInputs inputs);
}
