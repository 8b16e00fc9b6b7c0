package org.deltascape.models.training;

import org.deltascape.api.DeltascapeException;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Training stopped because a mini-batch's loss was not finite (NaN or ±∞). The message names the
 * epoch and step and suggests a smaller learning rate; the weights at the last step whose loss was
 * finite are kept, so that nothing computed is lost.
 */
public final class TrainingDivergedException extends DeltascapeException {
  private static final long serialVersionUID = 1L;

  private final int epoch;
  private final int step;
  private final transient INDArray lastGoodWeights;

  TrainingDivergedException(
      String what, String where, String fix, int epoch, int step, INDArray lastGoodWeights) {
    super(what, where, fix);
    this.epoch = epoch;
    this.step = step;
    this.lastGoodWeights = lastGoodWeights;
  }

  /** The 1-based epoch in which the loss stopped being finite. */
  public int epoch() {
    return epoch;
  }

  /** The 1-based step within that epoch. */
  public int step() {
    return step;
  }

  /**
   * w (DOUBLE length P) at the last step whose loss was finite, or the initial weights when the
   * very first loss was not; null only after deserialisation.
   */
  public INDArray lastGoodWeights() {
    return lastGoodWeights;
  }
}
