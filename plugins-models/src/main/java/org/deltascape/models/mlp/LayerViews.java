package org.deltascape.models.mlp;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A flat parameter-sized vector together with views of each layer's weight {@code [out, in]} and
 * bias {@code [out]} inside it, made once so that hot loops index layers without creating views.
 * Writing into a view writes into the flat vector.
 */
public final class LayerViews {
  private final INDArray flat;
  private final List<INDArray> weights = new ArrayList<>();
  private final List<INDArray> biases = new ArrayList<>();

  /** Views into {@code flat}, a contiguous vector of P numbers laid out as {@code shape} says. */
  public LayerViews(MlpArchitecture shape, INDArray flat) {
    this.flat = flat;
    for (int j = 0; j < shape.layers(); j++) {
      weights.add(shape.weight(flat, j));
      biases.add(shape.bias(flat, j));
    }
  }

  /** A fresh zero vector of P numbers in the architecture's data type, with its views. */
  public static LayerViews allocate(MlpArchitecture shape) {
    return new LayerViews(shape, Nd4j.zeros(shape.dataType(), shape.parameterCount()));
  }

  /** The flat vector the views look into. */
  public INDArray flat() {
    return flat;
  }

  /** Layer j's weight {@code [out, in]}. */
  public INDArray weight(int layer) {
    return weights.get(layer);
  }

  /** Layer j's bias {@code [out]}. */
  public INDArray bias(int layer) {
    return biases.get(layer);
  }
}
