package org.deltascape.models.cnn;

import java.nio.DoubleBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link HostSteps} over {@code double[]}, for float64 models: {@link FloatHostSteps} with {@code
 * float} replaced by {@code double} (and its casts dropped); change both together.
 */
final class DoubleHostSteps extends HostSteps {
  /** Runs shorter than this are copied by a loop: a call to arraycopy costs more. */
  private static final int SHORT_RUN = 16;

  private final double[] image;
  private final double[][] input;
  private final double[][] inputTangent;
  private final double[][] inputDelta;
  private final double[][] inputTangentDelta;
  private final double[] head;
  private final double[] headTangent;
  private final double[] headDelta;
  private final double[] headTangentDelta;
  private final double[] conv;
  private final double[] convDelta;
  private final double[] convTangentDelta;
  private final int[][] sources;
  private final double[][] slope;
  private final double[][] activation;
  private final double[][] tangent;
  private final double[] columns;

  DoubleHostSteps(CnnArchitecture shape, int rows, int sliceRows) {
    super(shape, rows, sliceRows);
    int count = blocks.size();
    image = new double[rows * blocks.get(0).inputSize()];
    input = new double[count][];
    inputTangent = new double[count][];
    inputDelta = new double[count][];
    inputTangentDelta = new double[count][];
    sources = new int[count][];
    slope = new double[count][];
    activation = new double[count][];
    tangent = new double[count][];
    int widestConv = 0;
    int widestExample = 0;
    for (int b = 0; b < count; b++) {
      ConvGeometry block = blocks.get(b);
      int padded = rows * block.paddedSize();
      input[b] = new double[padded];
      if (b > 0) {
        inputTangent[b] = new double[padded];
        inputDelta[b] = new double[padded];
        inputTangentDelta[b] = new double[padded];
      }
      int pooled = rows * block.pooledSize();
      sources[b] = new int[pooled];
      slope[b] = new double[pooled];
      activation[b] = tanh ? new double[pooled] : null;
      tangent[b] = tanh ? new double[pooled] : null;
      widestConv = Math.max(widestConv, sliceRows * block.convSize());
      widestExample = Math.max(widestExample, block.positions() * block.patchSize());
    }
    int features = rows * blocks.get(count - 1).pooledSize();
    head = new double[features];
    headTangent = new double[features];
    headDelta = new double[features];
    headTangentDelta = new double[features];
    conv = new double[widestConv];
    convDelta = new double[widestConv];
    convTangentDelta = new double[widestConv];
    columns = new double[widestExample];
  }

  @Override
  void loadInput(INDArray features) {
    INDArray source = features;
    if (source.dataType() != DataType.DOUBLE || !contiguous(source)) {
      source = features.castTo(DataType.DOUBLE).dup('c');
    }
    int size = blocks.get(0).inputSize();
    int padded = blocks.get(0).paddedSize();
    source.data().asNioDouble().get(offset(source), image, 0, rows * size);
    double[] to = input[0];
    for (int r = 0; r < rows; r++) {
      int from = r * size;
      int base = r * padded;
      for (int i = 0; i < size; i++) {
        to[base + inputOffsets[i]] = image[from + i];
      }
    }
  }

  @Override
  void im2col(int block, boolean isTangent, int first, int count, INDArray target) {
    ConvGeometry g = blocks.get(block);
    double[] source = isTangent ? inputTangent[block] : input[block];
    int run = g.runLength();
    int width = g.paddedWidth();
    int channels = g.inChannels();
    int size = g.paddedSize();
    int perExample = g.positions() * g.patchSize();
    DoubleBuffer out = target.data().asNioDouble();
    int start = offset(target);
    // One example at a time, so that its patches are still in cache when copied out.
    for (int r = 0; r < count; r++) {
      int base = (first + r) * size;
      int at = 0;
      for (int y = 0; y < g.convHeight(); y++) {
        for (int x = 0; x < g.convWidth(); x++) {
          for (int ky = 0; ky < g.kernel(); ky++) {
            int from = base + ((y + ky) * width + x) * channels;
            if (run < SHORT_RUN) {
              for (int i = 0; i < run; i++) {
                columns[at + i] = source[from + i];
              }
            } else {
              System.arraycopy(source, from, columns, at, run);
            }
            at += run;
          }
        }
      }
      out.put(start + r * perExample, columns, 0, perExample);
    }
  }

  @Override
  void pool(
      int block, INDArray convolved, double[] bias, int first, int count, INDArray headInput) {
    ConvGeometry g = blocks.get(block);
    double[] c = conv;
    convolved.data().asNioDouble().get(offset(convolved), c, 0, count * g.convSize());
    double[] to = g.last() ? head : input[block + 1];
    int stride = pooledStrides[block];
    int[] offsets = pooledOffsets[block];
    int[] chosen = sources[block];
    double[] slopes = slope[block];
    double[] activations = activation[block];
    int channels = g.outChannels();
    int size = g.pool();
    int convWidth = g.convWidth();
    int o = first * g.pooledSize();
    for (int r = 0; r < count; r++) {
      int convBase = r * g.convSize();
      int toBase = (first + r) * stride;
      int j = 0;
      for (int py = 0; py < g.pooledHeight(); py++) {
        for (int px = 0; px < g.pooledWidth(); px++) {
          int window = convBase + (py * size * convWidth + px * size) * channels;
          for (int ch = 0; ch < channels; ch++, j++, o++) {
            int best = window + ch;
            double max;
            if (size == 2) {
              // A tree of conditional moves: which output wins is data, not predictable.
              int right = best + channels;
              int below = best + convWidth * channels;
              int belowRight = below + channels;
              double v0 = c[best];
              double v1 = c[right];
              double v2 = c[below];
              double v3 = c[belowRight];
              int top = v1 > v0 ? right : best;
              int bottom = v3 > v2 ? belowRight : below;
              double topMax = Math.max(v0, v1);
              double bottomMax = Math.max(v2, v3);
              best = bottomMax > topMax ? bottom : top;
              max = Math.max(topMax, bottomMax);
            } else {
              max = c[best];
              for (int dy = 0; dy < size; dy++) {
                for (int dx = 0; dx < size; dx++) {
                  int index = window + (dy * convWidth + dx) * channels + ch;
                  double value = c[index];
                  boolean take = value > max | value != value;
                  best = take ? index : best;
                  max = take ? value : max;
                }
              }
            }
            double z = max + bias[ch];
            double a;
            if (tanh) {
              a = Math.tanh(z);
              slopes[o] = 1 - a * a;
              activations[o] = a;
            } else {
              a = Math.max(z, 0);
              slopes[o] = reluSlope(z);
            }
            chosen[o] = best;
            to[toBase + offsets[j]] = a;
          }
        }
      }
    }
    if (g.last()) {
      writeHeadRows(head, first, count, headInput);
    }
  }

  @Override
  void poolTangent(
      int block,
      INDArray convTangent,
      double[] vBias,
      int first,
      int count,
      INDArray headInputTangent) {
    ConvGeometry g = blocks.get(block);
    double[] c = conv;
    convTangent.data().asNioDouble().get(offset(convTangent), c, 0, count * g.convSize());
    double[] to = g.last() ? headTangent : inputTangent[block + 1];
    int stride = pooledStrides[block];
    int[] offsets = pooledOffsets[block];
    int[] chosen = sources[block];
    double[] slopes = slope[block];
    double[] tangents = tangent[block];
    int channels = g.outChannels();
    int pooled = g.pooledSize();
    int o = first * pooled;
    for (int r = 0; r < count; r++) {
      int toBase = (first + r) * stride;
      for (int j = 0, ch = 0; j < pooled; j++, o++) {
        double rz = c[chosen[o]] + vBias[ch];
        if (tanh) {
          tangents[o] = rz;
        }
        to[toBase + offsets[j]] = slopes[o] * rz;
        if (++ch == channels) {
          ch = 0;
        }
      }
    }
    if (g.last()) {
      writeHeadRows(headTangent, first, count, headInputTangent);
    }
  }

  @Override
  void readHeadDeltas(INDArray headInputDelta, INDArray headInputTangentDelta) {
    int length = rows * blocks.get(blocks.size() - 1).pooledSize();
    headInputDelta.data().asNioDouble().get(offset(headInputDelta), headDelta, 0, length);
    if (headInputTangentDelta != null) {
      headInputTangentDelta
          .data()
          .asNioDouble()
          .get(offset(headInputTangentDelta), headTangentDelta, 0, length);
    }
  }

  @Override
  void unpool(int block, int first, int count, INDArray convolvedDelta, double[] biasSums) {
    ConvGeometry g = blocks.get(block);
    double[] from = g.last() ? headDelta : inputDelta[block + 1];
    double[] d = convDelta;
    int size = count * g.convSize();
    Arrays.fill(d, 0, size, 0);
    int stride = pooledStrides[block];
    int[] offsets = pooledOffsets[block];
    int[] chosen = sources[block];
    double[] slopes = slope[block];
    int channels = g.outChannels();
    int pooled = g.pooledSize();
    int o = first * pooled;
    for (int r = 0; r < count; r++) {
      int fromBase = (first + r) * stride;
      for (int j = 0, ch = 0; j < pooled; j++, o++) {
        double dz = from[fromBase + offsets[j]] * slopes[o];
        d[chosen[o]] = dz;
        biasSums[ch] += dz;
        if (++ch == channels) {
          ch = 0;
        }
      }
    }
    convolvedDelta.data().asNioDouble().put(offset(convolvedDelta), d, 0, size);
  }

  @Override
  void rUnpool(
      int block,
      int first,
      int count,
      INDArray convolvedDelta,
      INDArray convolvedTangentDelta,
      double[] biasSums) {
    ConvGeometry g = blocks.get(block);
    double[] from = g.last() ? headDelta : inputDelta[block + 1];
    double[] fromTangent = g.last() ? headTangentDelta : inputTangentDelta[block + 1];
    double[] d = convDelta;
    double[] dt = convTangentDelta;
    int size = count * g.convSize();
    Arrays.fill(d, 0, size, 0);
    Arrays.fill(dt, 0, size, 0);
    int stride = pooledStrides[block];
    int[] offsets = pooledOffsets[block];
    int[] chosen = sources[block];
    double[] slopes = slope[block];
    double[] activations = activation[block];
    double[] tangents = tangent[block];
    int channels = g.outChannels();
    int pooled = g.pooledSize();
    int o = first * pooled;
    for (int r = 0; r < count; r++) {
      int fromBase = (first + r) * stride;
      for (int j = 0, ch = 0; j < pooled; j++, o++) {
        double delta = from[fromBase + offsets[j]];
        double rdelta = fromTangent[fromBase + offsets[j]] * slopes[o];
        if (tanh) {
          rdelta += delta * (-2 * activations[o] * slopes[o]) * tangents[o];
        }
        d[chosen[o]] = delta * slopes[o];
        dt[chosen[o]] = rdelta;
        biasSums[ch] += rdelta;
        if (++ch == channels) {
          ch = 0;
        }
      }
    }
    convolvedDelta.data().asNioDouble().put(offset(convolvedDelta), d, 0, size);
    convolvedTangentDelta.data().asNioDouble().put(offset(convolvedTangentDelta), dt, 0, size);
  }

  @Override
  void col2im(int block, boolean isTangent, int first, int count, INDArray columnDeltas) {
    ConvGeometry g = blocks.get(block);
    double[] to = isTangent ? inputTangentDelta[block] : inputDelta[block];
    int run = g.runLength();
    int width = g.paddedWidth();
    int channels = g.inChannels();
    int size = g.paddedSize();
    int perExample = g.positions() * g.patchSize();
    DoubleBuffer in = columnDeltas.data().asNioDouble();
    int start = offset(columnDeltas);
    Arrays.fill(to, first * size, (first + count) * size, 0);
    for (int r = 0; r < count; r++) {
      in.get(start + r * perExample, columns, 0, perExample);
      int base = (first + r) * size;
      int at = 0;
      for (int y = 0; y < g.convHeight(); y++) {
        for (int x = 0; x < g.convWidth(); x++) {
          for (int ky = 0; ky < g.kernel(); ky++) {
            int into = base + ((y + ky) * width + x) * channels;
            for (int i = 0; i < run; i++) {
              to[into + i] += columns[at + i];
            }
            at += run;
          }
        }
      }
    }
  }

  /** Rows {@code [first, first + count)} of the head's Java array into the same rows of target. */
  private void writeHeadRows(double[] from, int first, int count, INDArray target) {
    int features = blocks.get(blocks.size() - 1).pooledSize();
    target
        .data()
        .asNioDouble()
        .put(offset(target) + first * features, from, first * features, count * features);
  }
}
