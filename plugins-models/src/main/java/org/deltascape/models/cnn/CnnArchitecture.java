package org.deltascape.models.cnn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.deltascape.api.ParameterLayout;
import org.deltascape.api.ParameterTensor;
import org.deltascape.api.ParameterTensor.Role;
import org.deltascape.api.TargetKind;
import org.deltascape.models.mlp.Activation;
import org.deltascape.models.mlp.MlpArchitecture;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The shape of a convolutional network: blocks of convolution, σ and max-pooling over images
 * {@code [C, H, W]}, then a dense head (an MLP with the given hidden widths) on the flattened
 * output. Block b (0-based, named {@code conv<b+1>}) has a kernel {@code [channels(b), in, kernel,
 * kernel]} and a bias {@code [channels(b)]}; the head's layers follow, named {@code dense<j+1>},
 * each {@code [out, in]} then {@code [out]}, all consecutive in the flat parameter vector.
 *
 * @param inputChannels C of the images
 * @param height H of the images
 * @param width W of the images
 * @param channels filters per block, one entry per block; not empty
 * @param kernel the kernels' side, at least 1
 * @param padding zeros on every side of each block's input
 * @param pool the pooling window's side and stride, at least 1
 * @param hidden the dense head's hidden widths; empty for a single dense layer
 * @param outputs classes or regression targets
 * @param activation σ of the blocks and of the head's hidden layers
 * @param targetKind selects the loss
 * @param dataType DOUBLE or FLOAT
 */
public record CnnArchitecture(
    int inputChannels,
    int height,
    int width,
    List<Integer> channels,
    int kernel,
    int padding,
    int pool,
    List<Integer> hidden,
    int outputs,
    Activation activation,
    TargetKind targetKind,
    DataType dataType) {

  public CnnArchitecture {
    channels = List.copyOf(channels);
    hidden = List.copyOf(hidden);
    Objects.requireNonNull(activation, "activation");
    Objects.requireNonNull(targetKind, "targetKind");
    if (channels.isEmpty() || channels.stream().anyMatch(c -> c < 1) || kernel < 1 || pool < 1) {
      throw new IllegalArgumentException("bad CNN blocks " + channels + " " + kernel + " " + pool);
    }
    if (dataType != DataType.DOUBLE && dataType != DataType.FLOAT) {
      throw new IllegalArgumentException("a CNN computes in DOUBLE or FLOAT, not " + dataType);
    }
  }

  /** The blocks' geometries, in order; throws when an image shrinks below one pixel. */
  List<ConvGeometry> blocks() {
    List<ConvGeometry> blocks = new ArrayList<>();
    int c = inputChannels;
    int h = height;
    int w = width;
    for (int b = 0; b < channels.size(); b++) {
      ConvGeometry block =
          new ConvGeometry(
              c, h, w, channels.get(b), kernel, padding, pool, b == 0, b == channels.size() - 1);
      if (!block.fits()) {
        throw new IllegalArgumentException(
            "block " + (b + 1) + " gets a " + h + "×" + w + " image, too small for kernel "
                + kernel + " and pool " + pool);
      }
      blocks.add(block);
      c = block.outChannels();
      h = block.pooledHeight();
      w = block.pooledWidth();
    }
    return blocks;
  }

  /** The dense head: the last block's flattened output to the outputs. */
  public MlpArchitecture head() {
    ConvGeometry last = blocks().get(channels.size() - 1);
    return new MlpArchitecture(
        last.pooledSize(), hidden, outputs, activation, targetKind, dataType);
  }

  /** The offset in w of block b's kernel; {@code b = channels().size()} gives the head's offset. */
  long kernelOffset(int block) {
    long offset = 0;
    List<ConvGeometry> blocks = blocks();
    for (int b = 0; b < block; b++) {
      offset += (long) blocks.get(b).outChannels() * (blocks.get(b).patchSize() + 1);
    }
    return offset;
  }

  /** The offset in w of the dense head. */
  long headOffset() {
    return kernelOffset(channels.size());
  }

  /** P, the number of parameters. */
  public long parameterCount() {
    return headOffset() + head().parameterCount();
  }

  /**
   * The order the passes hold the parameters in: entry i is the index in w (PyTorch's layout) of
   * internal parameter i. Only the blocks' kernels move, from {@code [out, in, kh, kw]} to {@code
   * [out, kh, kw, in]}, so that a patch's numbers under one kernel row are contiguous in a
   * channels-last input (see {@link ConvGeometry}); biases and the dense head keep their places.
   */
  int[] internalOrder() {
    int[] order = new int[Math.toIntExact(parameterCount())];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    List<ConvGeometry> blocks = blocks();
    for (int b = 0; b < blocks.size(); b++) {
      ConvGeometry block = blocks.get(b);
      int offset = Math.toIntExact(kernelOffset(b));
      int in = block.inChannels();
      int internal = offset;
      for (int o = 0; o < block.outChannels(); o++) {
        for (int ky = 0; ky < kernel; ky++) {
          for (int kx = 0; kx < kernel; kx++) {
            for (int c = 0; c < in; c++) {
              order[internal++] = offset + ((o * in + c) * kernel + ky) * kernel + kx;
            }
          }
        }
      }
    }
    return order;
  }

  /** Names, shapes, offsets, roles and fan-in axes of every tensor. */
  public ParameterLayout layout() {
    List<ParameterTensor> tensors = new ArrayList<>();
    List<ConvGeometry> blocks = blocks();
    for (int b = 0; b < blocks.size(); b++) {
      ConvGeometry block = blocks.get(b);
      long offset = kernelOffset(b);
      String name = "conv" + (b + 1);
      List<Integer> shape = List.of(block.outChannels(), block.inChannels(), kernel, kernel);
      tensors.add(new ParameterTensor(name + ".weight", shape, offset, Role.WEIGHT, 1));
      long bias = offset + (long) block.outChannels() * block.patchSize();
      tensors.add(
          new ParameterTensor(name + ".bias", List.of(block.outChannels()), bias, Role.BIAS, -1));
    }
    long head = headOffset();
    for (ParameterTensor tensor : head().layout().tensors()) {
      tensors.add(
          new ParameterTensor(
              tensor.name().replace("layer", "dense"),
              tensor.shape(),
              head + tensor.offset(),
              tensor.role(),
              tensor.fanInAxis()));
    }
    return new ParameterLayout(tensors);
  }
}
