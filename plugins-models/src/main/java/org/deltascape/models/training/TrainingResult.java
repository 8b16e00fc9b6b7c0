package org.deltascape.models.training;

import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What training produced.
 *
 * @param weights the final w, DOUBLE length P; never null
 * @param history one entry per epoch, in order
 * @param snapshots w (DOUBLE length P) at the end of each epoch, in order, when the plan asked for
 *     them; else empty. The last equals {@code weights}.
 */
public record TrainingResult(
    INDArray weights, List<EpochSummary> history, List<INDArray> snapshots) {
  public TrainingResult {
    Objects.requireNonNull(weights, "weights");
    history = List.copyOf(history);
    snapshots = List.copyOf(snapshots);
  }

  /** The last epoch's mean training loss. */
  public double finalLoss() {
    return history.get(history.size() - 1).meanLoss();
  }
}
