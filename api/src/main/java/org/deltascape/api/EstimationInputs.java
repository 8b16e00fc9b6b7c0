package org.deltascape.api;

/**
 * What the engine hands an estimator at the end: whichever of its declared {@link
 * EstimatorInput}s it asked for, the others null.
 *
 * @param sums the estimator's own partial sums over all samples (for {@link
 *     EstimatorInput#LOSS_SAMPLES}), or null
 * @param derivatives per-example derivatives at w* (for {@link EstimatorInput#DERIVATIVES}), or
 *     null
 * @param context the model, space and prefix curvature (for {@link EstimatorInput#MODEL}), or
 *     null
 */
public record EstimationInputs(
    PartialSums sums, ExampleDerivatives derivatives, EstimationContext context) {

  /** Inputs without a model context. */
  public EstimationInputs(PartialSums sums, ExampleDerivatives derivatives) {
    this(sums, derivatives, null);
  }
}
