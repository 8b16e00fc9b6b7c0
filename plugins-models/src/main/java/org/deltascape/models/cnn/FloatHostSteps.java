package org.deltascape.models.cnn;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link HostSteps} over {@code float[]}, for float32 models. {@link DoubleHostSteps} is this file
 * with {@code float} replaced by {@code double}; change both together.
 */
final class FloatHostSteps extends HostSteps {
  /** Runs shorter than this are copied by a loop: a call to arraycopy costs more. */
  private static final int SHORT_RUN = 16;

  private final float[] image;
  private final float[][] input;
  private final float[][] inputTangent;
  private final float[][] inputDelta;
  private final float[][] inputTangentDelta;
  private final float[] head;
  private final float[] headTangent;
  private final float[] headDelta;
  private final float[] headTangentDelta;
  private final float[] conv;
  private final float[] convDelta;
  private final float[] convTangentDelta;
  private final int[][] sources;
  private final float[][] slope;
  private final float[][] activation;
  private final float[][] tangent;
  private final float[] columns;

  FloatHostSteps(CnnArchitecture shape, int rows, int sliceRows) {
    super(shape, rows, sliceRows);
    int count = blocks.size();
    image = new float[rows * blocks.get(0).inputSize()];
    input = new float[count][];
    inputTangent = new float[count][];
    inputDelta = new float[count][];
    inputTangentDelta = new float[count][];
    sources = new int[count][];
    slope = new float[count][];
    activation = new float[count][];
    tangent = new float[count][];
    int widestConv = 0;
    int widestExample = 0;
    for (int b = 0; b < count; b++) {
      ConvGeometry block = blocks.get(b);
      int padded = rows * block.paddedSize();
      input[b] = new float[padded];
      if (b > 0) {
        inputTangent[b] = new float[padded];
        inputDelta[b] = new float[padded];
        inputTangentDelta[b] = new float[padded];
      }
      int pooled = rows * block.pooledSize();
      sources[b] = new int[pooled];
      slope[b] = new float[pooled];
      activation[b] = tanh ? new float[pooled] : null;
      tangent[b] = tanh ? new float[pooled] : null;
      widestConv = Math.max(widestConv, sliceRows * block.convSize());
      widestExample = Math.max(widestExample, block.positions() * block.patchSize());
    }
    int features = rows * blocks.get(count - 1).pooledSize();
    head = new float[features];
    headTangent = new float[features];
    headDelta = new float[features];
    headTangentDelta = new float[features];
    conv = new float[widestConv];
    convDelta = new float[widestConv];
    convTangentDelta = new float[widestConv];
    columns = new float[widestExample];
  }

  @Override
  void loadInput(INDArray features) {
    INDArray source = features;
    if (source.dataType() != DataType.FLOAT || !contiguous(source)) {
      source = features.castTo(DataType.FLOAT).dup('c');
    }
    int size = blocks.get(0).inputSize();
    int padded = blocks.get(0).paddedSize();
    source.data().asNioFloat().get(offset(source), image, 0, rows * size);
    float[] to = input[0];
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
    float[] source = isTangent ? inputTangent[block] : input[block];
    int run = g.runLength();
    int width = g.paddedWidth();
    int channels = g.inChannels();
    int size = g.paddedSize();
    int perExample = g.positions() * g.patchSize();
    FloatBuffer out = target.data().asNioFloat();
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
    float[] c = conv;
    convolved.data().asNioFloat().get(offset(convolved), c, 0, count * g.convSize());
    float[] to = g.last() ? head : input[block + 1];
    int stride = pooledStrides[block];
    int[] offsets = pooledOffsets[block];
    int[] chosen = sources[block];
    float[] slopes = slope[block];
    float[] activations = activation[block];
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
            float max;
            if (size == 2) {
              // A tree of conditional moves: which output wins is data, not predictable.
              int right = best + channels;
              int below = best + convWidth * channels;
              int belowRight = below + channels;
              float v0 = c[best];
              float v1 = c[right];
              float v2 = c[below];
              float v3 = c[belowRight];
              int top = v1 > v0 ? right : best;
              int bottom = v3 > v2 ? belowRight : below;
              float topMax = Math.max(v0, v1);
              float bottomMax = Math.max(v2, v3);
              best = bottomMax > topMax ? bottom : top;
              max = Math.max(topMax, bottomMax);
            } else {
              max = c[best];
              for (int dy = 0; dy < size; dy++) {
                for (int dx = 0; dx < size; dx++) {
                  int index = window + (dy * convWidth + dx) * channels + ch;
                  float value = c[index];
                  boolean take = value > max | value != value;
                  best = take ? index : best;
                  max = take ? value : max;
                }
              }
            }
            float z = max + (float) bias[ch];
            float a;
            if (tanh) {
              a = (float) Math.tanh(z);
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
    float[] c = conv;
    convTangent.data().asNioFloat().get(offset(convTangent), c, 0, count * g.convSize());
    float[] to = g.last() ? headTangent : inputTangent[block + 1];
    int stride = pooledStrides[block];
    int[] offsets = pooledOffsets[block];
    int[] chosen = sources[block];
    float[] slopes = slope[block];
    float[] tangents = tangent[block];
    int channels = g.outChannels();
    int pooled = g.pooledSize();
    int o = first * pooled;
    for (int r = 0; r < count; r++) {
      int toBase = (first + r) * stride;
      for (int j = 0, ch = 0; j < pooled; j++, o++) {
        float rz = c[chosen[o]] + (float) vBias[ch];
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
    headInputDelta.data().asNioFloat().get(offset(headInputDelta), headDelta, 0, length);
    if (headInputTangentDelta != null) {
      headInputTangentDelta
          .data()
          .asNioFloat()
          .get(offset(headInputTangentDelta), headTangentDelta, 0, length);
    }
  }

  @Override
  void unpool(int block, int first, int count, INDArray convolvedDelta, double[] biasSums) {
    ConvGeometry g = blocks.get(block);
    float[] from = g.last() ? headDelta : inputDelta[block + 1];
    float[] d = convDelta;
    int size = count * g.convSize();
    Arrays.fill(d, 0, size, 0);
    int stride = pooledStrides[block];
    int[] offsets = pooledOffsets[block];
    int[] chosen = sources[block];
    float[] slopes = slope[block];
    int channels = g.outChannels();
    int pooled = g.pooledSize();
    int o = first * pooled;
    for (int r = 0; r < count; r++) {
      int fromBase = (first + r) * stride;
      for (int j = 0, ch = 0; j < pooled; j++, o++) {
        float dz = from[fromBase + offsets[j]] * slopes[o];
        d[chosen[o]] = dz;
        biasSums[ch] += dz;
        if (++ch == channels) {
          ch = 0;
        }
      }
    }
    convolvedDelta.data().asNioFloat().put(offset(convolvedDelta), d, 0, size);
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
    float[] from = g.last() ? headDelta : inputDelta[block + 1];
    float[] fromTangent = g.last() ? headTangentDelta : inputTangentDelta[block + 1];
    float[] d = convDelta;
    float[] dt = convTangentDelta;
    int size = count * g.convSize();
    Arrays.fill(d, 0, size, 0);
    Arrays.fill(dt, 0, size, 0);
    int stride = pooledStrides[block];
    int[] offsets = pooledOffsets[block];
    int[] chosen = sources[block];
    float[] slopes = slope[block];
    float[] activations = activation[block];
    float[] tangents = tangent[block];
    int channels = g.outChannels();
    int pooled = g.pooledSize();
    int o = first * pooled;
    for (int r = 0; r < count; r++) {
      int fromBase = (first + r) * stride;
      for (int j = 0, ch = 0; j < pooled; j++, o++) {
        float delta = from[fromBase + offsets[j]];
        float rdelta = fromTangent[fromBase + offsets[j]] * slopes[o];
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
    convolvedDelta.data().asNioFloat().put(offset(convolvedDelta), d, 0, size);
    convolvedTangentDelta.data().asNioFloat().put(offset(convolvedTangentDelta), dt, 0, size);
  }

  @Override
  void col2im(int block, boolean isTangent, int first, int count, INDArray columnDeltas) {
    ConvGeometry g = blocks.get(block);
    float[] to = isTangent ? inputTangentDelta[block] : inputDelta[block];
    int run = g.runLength();
    int width = g.paddedWidth();
    int channels = g.inChannels();
    int size = g.paddedSize();
    int perExample = g.positions() * g.patchSize();
    FloatBuffer in = columnDeltas.data().asNioFloat();
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
  private void writeHeadRows(float[] from, int first, int count, INDArray target) {
    int features = blocks.get(blocks.size() - 1).pooledSize();
    target
        .data()
        .asNioFloat()
        .put(offset(target) + first * features, from, first * features, count * features);
  }
}
