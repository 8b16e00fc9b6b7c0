package org.deltascape.models.mlp;

import org.deltascape.api.Batch;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Checks of what enters an MLP, and the batch's arrays in the model's data type. */
final class MlpInputs {
  private MlpInputs() {}

  /** Refuses a vector that is not of length P. */
  static void requireParameterVector(MlpArchitecture shape, INDArray vector, String name) {
    if (vector.length() != shape.parameterCount()) {
      throw new IllegalArgumentException(
          name
              + " has "
              + vector.length()
              + " elements but the MLP has "
              + shape.parameterCount()
              + " parameters");
    }
  }

  /** Refuses a batch whose feature or target width does not fit the network. */
  static void requireBatch(MlpArchitecture shape, Batch batch) {
    if (batch.features().columns() != shape.features()
        || batch.targets().columns() != shape.outputs()) {
      throw new IllegalArgumentException(
          "the batch has "
              + batch.features().columns()
              + " features and "
              + batch.targets().columns()
              + " targets per example but the MLP expects "
              + shape.features()
              + " and "
              + shape.outputs());
    }
  }

  /** The features in the model's data type (converted, at a cost, when they are not). */
  static INDArray features(MlpArchitecture shape, Batch batch) {
    return typed(batch.features(), shape.dataType());
  }

  /** The targets in the model's data type. */
  static INDArray targets(MlpArchitecture shape, Batch batch) {
    return typed(batch.targets(), shape.dataType());
  }

  private static INDArray typed(INDArray array, DataType type) {
    return array.dataType() == type ? array : array.castTo(type);
  }
}
