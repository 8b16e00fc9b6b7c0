package org.deltascape.models.mlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.deltascape.api.ParameterLayout;
import org.deltascape.api.ParameterTensor;
import org.deltascape.api.ParameterTensor.Role;
import org.deltascape.api.TargetKind;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The shape of a multilayer perceptron: F inputs, hidden widths, C outputs, the activation of the
 * hidden layers, the loss, and the arithmetic. Layer j (0-based, named {@code layer<j+1>}) maps
 * {@code width(j)} inputs to {@code width(j+1)} outputs; its weight {@code [out, in]} and then its
 * bias {@code [out]} sit consecutively in the flat parameter vector, layer after layer.
 *
 * @param features F, at least 1
 * @param hidden the hidden widths, each at least 1; empty for softmax or linear regression
 * @param outputs C, at least 1
 * @param activation σ of the hidden layers; never null
 * @param targetKind selects the loss; never null
 * @param dataType DOUBLE or FLOAT, the arithmetic inside the model
 */
public record MlpArchitecture(
    int features,
    List<Integer> hidden,
    int outputs,
    Activation activation,
    TargetKind targetKind,
    DataType dataType) {

  public MlpArchitecture {
    hidden = List.copyOf(hidden);
    Objects.requireNonNull(activation, "activation");
    Objects.requireNonNull(targetKind, "targetKind");
    if (features < 1 || outputs < 1 || hidden.stream().anyMatch(width -> width < 1)) {
      throw new IllegalArgumentException(
          "bad MLP shape " + features + " -> " + hidden + " -> " + outputs);
    }
    if (dataType != DataType.DOUBLE && dataType != DataType.FLOAT) {
      throw new IllegalArgumentException("an MLP computes in DOUBLE or FLOAT, not " + dataType);
    }
  }

  /** L, the number of dense layers (hidden layers plus the output layer). */
  public int layers() {
    return hidden.size() + 1;
  }

  /** The width of level {@code level}: F at 0, the hidden widths, C at {@code layers()}. */
  public int width(int level) {
    if (level == 0) {
      return features;
    }
    return level == layers() ? outputs : hidden.get(level - 1);
  }

  /** The offset in w of layer j's weight. */
  public long weightOffset(int layer) {
    long offset = 0;
    for (int j = 0; j < layer; j++) {
      offset += (long) (width(j) + 1) * width(j + 1);
    }
    return offset;
  }

  /** The offset in w of layer j's bias. */
  public long biasOffset(int layer) {
    return weightOffset(layer) + (long) width(layer) * width(layer + 1);
  }

  /** P, the number of parameters. */
  public long parameterCount() {
    return weightOffset(layers());
  }

  /** The loss that fits the target kind. */
  public OutputLoss loss() {
    return OutputLoss.of(targetKind);
  }

  /** Names, shapes, offsets, roles and fan-in axes of every tensor, layer by layer. */
  public ParameterLayout layout() {
    List<ParameterTensor> tensors = new ArrayList<>();
    for (int j = 0; j < layers(); j++) {
      String name = "layer" + (j + 1);
      tensors.add(
          new ParameterTensor(
              name + ".weight", List.of(width(j + 1), width(j)), weightOffset(j), Role.WEIGHT, 1));
      tensors.add(
          new ParameterTensor(name + ".bias", List.of(width(j + 1)), biasOffset(j), Role.BIAS, -1));
    }
    return new ParameterLayout(tensors);
  }

  /** A view of layer j's weight, {@code [out, in]}, inside the flat vector {@code w}. */
  INDArray weight(INDArray w, int layer) {
    long from = weightOffset(layer);
    return w.get(NDArrayIndex.interval(from, biasOffset(layer)))
        .reshape('c', width(layer + 1), width(layer));
  }

  /** A view of layer j's bias, {@code [out]}, inside the flat vector {@code w}. */
  INDArray bias(INDArray w, int layer) {
    long from = biasOffset(layer);
    return w.get(NDArrayIndex.interval(from, from + width(layer + 1)));
  }
}
