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

  /** Δ_k for every k from the inputs it declared. */
  DeltaCurve estimate(DeltaProblem problem, EstimationInputs inputs);
}
