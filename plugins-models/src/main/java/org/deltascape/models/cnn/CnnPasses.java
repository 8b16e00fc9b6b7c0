package org.deltascape.models.cnn;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The passes of a whole CNN over one chunk: each block's {@link ConvPasses} in turn, then the dense
 * head's; backward passes hand ∂L/∂a (and its R-counterpart) from the head to the last block and
 * from each block's col2im to the block below. The network's input is data, so it has no tangent
 * and no delta.
 */
final class CnnPasses {
  private final ConvPasses[] blocks;

  CnnPasses(CnnArchitecture shape) {
    List<ConvGeometry> geometry = shape.blocks();
    blocks = new ConvPasses[geometry.size()];
    for (int b = 0; b < blocks.length; b++) {
      blocks[b] = new ConvPasses(geometry.get(b), shape.activation());
    }
  }

  /** The forward pass from {@code c.input}; returns the network's outputs. */
  INDArray forward(CnnParameters w, CnnChunk c) {
    double[] input = c.input;
    for (int b = 0; b < blocks.length; b++) {
      ConvArrays s = c.blocks[b];
      blocks[b].forward(w.kernel(b), w.bias(b), input, s, b < blocks.length - 1);
      input = s.hostActivation;
    }
    return c.head.forward(w.head(), c.last().a);
  }

  /** Back-propagation of {@code c.head.outputDelta()} into {@code gradient}. */
  void backward(CnnParameters w, CnnChunk c, CnnParameters gradient) {
    c.head.backward(w.head(), c.last().a, gradient.head(), c.last().delta);
    for (int b = blocks.length - 1; b >= 0; b--) {
      ConvArrays below = b > 0 ? c.blocks[b - 1] : null;
      double[] inputDelta = below == null ? null : below.hostDelta;
      blocks[b].backward(w.kernel(b), gradient.kernel(b), gradient.bias(b), c.blocks[b], inputDelta);
      if (below != null) {
        HostCopy.write(inputDelta, below.delta);
      }
    }
  }

  /** The R-forward pass along {@code v}; leaves {@code J v} in {@code c.head.outputTangent()}. */
  void rForward(CnnParameters w, CnnParameters v, CnnChunk c) {
    double[] tangent = null;
    for (int b = 0; b < blocks.length; b++) {
      ConvArrays s = c.blocks[b];
      blocks[b].rForward(w.kernel(b), v.kernel(b), v.bias(b), tangent, s, b < blocks.length - 1);
      tangent = s.hostTangent;
    }
    c.head.rForward(w.head(), v.head(), c.last().a, c.last().ra);
  }

  /** The R-backward pass of the head's output deltas and their tangents into {@code product}. */
  void rBackward(CnnParameters w, CnnParameters v, CnnChunk c, CnnParameters product) {
    ConvArrays last = c.last();
    c.head.rBackward(w.head(), v.head(), last.a, last.ra, product.head(), last.delta, last.rdelta);
    for (int b = blocks.length - 1; b >= 0; b--) {
      ConvArrays below = b > 0 ? c.blocks[b - 1] : null;
      blocks[b].rBackward(
          w.kernel(b),
          v.kernel(b),
          product.kernel(b),
          product.bias(b),
          c.blocks[b],
          below != null,
          below == null ? null : below.hostDelta,
          below == null ? null : below.hostTangentDelta);
      if (below != null) {
        HostCopy.write(below.hostDelta, below.delta);
        HostCopy.write(below.hostTangentDelta, below.rdelta);
      }
    }
  }
}
