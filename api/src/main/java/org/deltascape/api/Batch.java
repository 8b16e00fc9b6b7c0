package org.deltascape.api;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A contiguous run of examples {@code [from, to)} of a dataset, in the dataset's order.
 *
 * @param features {@code n × F} row-major, F the product of the dataset's input shape (a model
 *     with image input reshapes rows itself); never null
 * @param targets {@code n × C}: one-hot classes for {@link TargetKind#CLASSIFICATION}, the real
 *     targets for {@link TargetKind#REGRESSION}; same data type as {@code features}; never null
 */
public record Batch(INDArray features, INDArray targets) {
  public Batch {
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(targets, "targets");
    if (features.rows() != targets.rows()) {
      throw new IllegalArgumentException(
          "features have " + features.rows() + " rows but targets " + targets.rows());
    }
  }

  /** The number of examples n. */
  public int size() {
    return (int) features.rows();
  }
}
