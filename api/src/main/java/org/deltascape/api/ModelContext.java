package org.deltascape.api;

import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The shape of the data a model is built for, and the arithmetic it computes in.
 *
 * @param inputShape one example's input shape ({@code [64]}, {@code [1, 28, 28]}); never null
 * @param outputs classes or regression targets
 * @param targetKind selects the loss: cross-entropy or squared error
 * @param dataType DOUBLE (exact, the default) or FLOAT (fast paths) for internal arithmetic;
 *     parameter vectors crossing the SPI are always DOUBLE
 */
public record ModelContext(
    List<Integer> inputShape, int outputs, TargetKind targetKind, DataType dataType) {
  public ModelContext {
    inputShape = List.copyOf(inputShape);
    Objects.requireNonNull(targetKind, "targetKind");
    Objects.requireNonNull(dataType, "dataType");
  }

  /** The context for a dataset, computing in {@code dataType}. */
  public static ModelContext of(Dataset data, DataType dataType) {
    return new ModelContext(data.inputShape(), data.outputs(), data.targetKind(), dataType);
  }

  /** F, the product of the input shape. */
  public int featureCount() {
    return inputShape.stream().reduce(1, Math::multiplyExact);
  }
}
