package org.deltascape.models.cnn;

import java.util.List;
import org.deltascape.models.mlp.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * The index-driven steps of a CNN's passes over one chunk of {@code rows} examples, as plain Java
 * loops over Java arrays of the model's type (so {@code float[]} for a float32 model: no widening,
 * and bulk copies to and from ND4J's native memory), while every matrix product stays in ND4J:
 * loading the images into the first block's padded input, im2col (each patch assembled from {@code
 * kernel} contiguous runs, one example at a time, then one bulk copy into the patch matrix),
 * max-pooling fused with the bias and σ, the R-forward gather at the same argmax, the unpooling
 * scatter of deltas (summing the bias's gradient on the way), and col2im.
 *
 * <p>The chunk's state (each block's padded input, its tangent and deltas, the pooling's choices
 * and σ') is held for all its rows, so that the convolutions can run in slices of fewer rows (the
 * products' operands are sized for a slice, see {@link ConvArrays}) while the dense head, the loss
 * and the accumulation of results run once per chunk. Every step but {@link #loadInput} and
 * {@link #readHeadDeltas} works on the rows {@code [first, first + count)} of the chunk, with
 * native operands holding exactly those rows.
 *
 * <p>Max-pooling is a selection: the forward pass records, for every pooled output, which
 * convolution output it took (the first maximum of its window, scanned row by row; a NaN
 * propagates), and every later pass routes through that fixed choice. So the R-forward pass
 * gathers tangents at the same argmax and back-propagation scatters deltas to it: pooling is linear
 * in both, and the Hessian-vector product stays exact and symmetric. Pooling comes before σ: both σ
 * used here are monotone, so {@code pool(σ(C)) = σ(pool(C))} with the same derivatives almost
 * everywhere, at a fraction of the work.
 *
 * <p>{@link FloatHostSteps} and {@link DoubleHostSteps} are the same code over the two element
 * types and must stay line for line alike. Not thread-safe.
 */
abstract class HostSteps {
  final List<ConvGeometry> blocks;
  final int rows;
  final int sliceRows;
  final boolean tanh;
  final int[][] pooledOffsets;
  final int[] pooledStrides;
  final int[] inputOffsets;

  HostSteps(CnnArchitecture shape, int rows, int sliceRows) {
    this.blocks = shape.blocks();
    this.rows = rows;
    this.sliceRows = sliceRows;
    this.tanh = shape.activation() == Activation.TANH;
    this.pooledOffsets = new int[blocks.size()][];
    this.pooledStrides = new int[blocks.size()];
    for (int b = 0; b < blocks.size(); b++) {
      pooledOffsets[b] = blocks.get(b).pooledOffsets(shape.padding());
      pooledStrides[b] = blocks.get(b).pooledStride(shape.padding());
    }
    this.inputOffsets = blocks.get(0).inputOffsets();
  }

  /** The steps for a model of the shape's data type: chunks of {@code rows}, slices of at most
   * {@code sliceRows}. */
  static HostSteps of(CnnArchitecture shape, int rows, int sliceRows) {
    return shape.dataType() == DataType.FLOAT
        ? new FloatHostSteps(shape, rows, sliceRows)
        : new DoubleHostSteps(shape, rows, sliceRows);
  }

  /**
   * The chunk's images {@code features} ({@code rows × C·H·W}, channels-first, any real type, may
   * be a view) into the first block's padded, channels-last input.
   */
  abstract void loadInput(INDArray features);

  /** im2col of block b's input (with {@code tangent}, its tangent) into {@code columns}. */
  abstract void im2col(int block, boolean tangent, int first, int count, INDArray columns);

  /**
   * From the convolution's output {@code conv} ({@code count·positions × out}, without bias): max
   * pooling (recording the choice), z = max + bias, a = σ(z), σ'(z); a goes to the next block's
   * input, or, for the last block, into those rows of {@code headInput} ({@code rows × features}).
   */
  abstract void pool(
      int block, INDArray conv, double[] bias, int first, int count, INDArray headInput);

  /**
   * From R(conv) without bias: {@code R(z) = R(conv)[choice] + v_b}, {@code R(a) = σ'(z) R(z)},
   * into the next block's input tangent or those rows of {@code headTangent}.
   */
  abstract void poolTangent(
      int block, INDArray convTangent, double[] vBias, int first, int count, INDArray headTangent);

  /**
   * The head's ∂L/∂a and, unless null, R(∂L/∂a) ({@code rows × features}) for the last block's
   * {@link #unpool} and {@link #rUnpool}; once per chunk.
   */
  abstract void readHeadDeltas(INDArray headDelta, INDArray headTangentDelta);

  /**
   * Back-propagation through σ and pooling: {@code δz = ∂L/∂a ⊙ σ'}, scattered to the chosen
   * outputs into {@code convDelta} (zero elsewhere), and Σ δz per channel added to {@code
   * biasSums}. ∂L/∂a comes from the next block's input delta or from the head's.
   */
  abstract void unpool(int block, int first, int count, INDArray convDelta, double[] biasSums);

  /**
   * The R-backward counterpart: {@code δz} into {@code convDelta} as {@link #unpool}, and {@code
   * R(δz) = R(∂L/∂a) ⊙ σ' + ∂L/∂a ⊙ σ'' ⊙ R(z)} into {@code convTangentDelta}, both scattered; Σ
   * R(δz) per channel added to {@code biasSums}.
   */
  abstract void rUnpool(
      int block,
      int first,
      int count,
      INDArray convDelta,
      INDArray convTangentDelta,
      double[] biasSums);

  /**
   * col2im: {@code columnDeltas} ({@code count·positions × patchSize}, ∂L/∂U or its
   * R-counterpart) summed onto those rows of block b's padded input delta (with {@code tangent},
   * its tangent delta), which are zeroed first.
   */
  abstract void col2im(int block, boolean tangent, int first, int count, INDArray columnDeltas);

  /**
   * relu's σ'(z), {@code z > 0 ? 1 : 0} (0 at ±0, as PyTorch), without a branch: which sign a
   * pre-activation has is data, and a mispredicted branch per number costs more than the pooling.
   * The bits b of z, as an int, are positive iff z > 0 (or z is a positive NaN, whose slope does
   * not matter: the NaN propagates through the activation); {@code (b − 1) | b} is negative iff b
   * ≤ 0.
   */
  static float reluSlope(float z) {
    int bits = Float.floatToRawIntBits(z);
    return 1 - (((bits - 1) | bits) >>> 31);
  }

  /** {@link #reluSlope(float)} in float64. */
  static double reluSlope(double z) {
    long bits = Double.doubleToRawLongBits(z);
    return 1 - (((bits - 1) | bits) >>> 63);
  }

  /** Whether the array's numbers are consecutive in c order from its offset. */
  static boolean contiguous(INDArray array) {
    return array.ordering() == 'c' && Shape.hasDefaultStridesForShape(array);
  }

  /** The native offset of a c-contiguous array, refusing views the steps cannot read or write. */
  static int offset(INDArray array) {
    if (!contiguous(array)) {
      throw new IllegalArgumentException("the CNN's host steps need c-contiguous arrays");
    }
    return Math.toIntExact(array.offset());
  }
}
