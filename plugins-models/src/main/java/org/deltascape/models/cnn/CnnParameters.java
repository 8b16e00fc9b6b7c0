package org.deltascape.models.cnn;

import java.util.List;
import org.deltascape.models.mlp.LayerViews;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A flat parameter-sized vector of a CNN in the internal order ({@link
 * CnnArchitecture#internalOrder()}) with views of each block's kernel (as {@code [out, k·k·in]},
 * the kernel {@code [out, kh, kw, in]} flattened per filter) and bias, and of the dense head's
 * layers; writing into a view writes into the flat vector.
 */
final class CnnParameters {
  private final INDArray flat;
  private final INDArray[] kernels;
  private final INDArray[] biases;
  private final LayerViews head;

  CnnParameters(CnnArchitecture shape, INDArray flat) {
    this.flat = flat;
    List<ConvGeometry> blocks = shape.blocks();
    kernels = new INDArray[blocks.size()];
    biases = new INDArray[blocks.size()];
    for (int b = 0; b < blocks.size(); b++) {
      ConvGeometry block = blocks.get(b);
      long from = shape.kernelOffset(b);
      long bias = from + (long) block.outChannels() * block.patchSize();
      kernels[b] =
          flat.get(NDArrayIndex.interval(from, bias))
              .reshape('c', block.outChannels(), block.patchSize());
      biases[b] = flat.get(NDArrayIndex.interval(bias, bias + block.outChannels()));
    }
    long size = shape.parameterCount();
    head =
        new LayerViews(
            shape.head(),
            flat.get(NDArrayIndex.interval(shape.headOffset(), size))
                .reshape(size - shape.headOffset()));
  }

  /** A fresh zero vector in the architecture's type, with its views. */
  static CnnParameters allocate(CnnArchitecture shape) {
    return new CnnParameters(shape, Nd4j.zeros(shape.dataType(), shape.parameterCount()));
  }

  INDArray flat() {
    return flat;
  }

  INDArray kernel(int block) {
    return kernels[block];
  }

  INDArray bias(int block) {
    return biases[block];
  }

  LayerViews head() {
    return head;
  }
}
