package org.deltascape.models.cnn;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * Copies between small ND4J arrays (DOUBLE or FLOAT, native memory) and Java {@code double[]}:
 * parameter vectors on their way into and out of the internal order, and logits on their way into
 * the float64 losses. Doubles move by one bulk copy; floats are widened or narrowed one by one.
 * (The large arrays of the passes move in the model's own type, {@link HostSteps}.)
 */
final class HostCopy {
  private HostCopy() {}

  /** The numbers of {@code array} in c order into the first {@code array.length()} of {@code to}. */
  static void read(INDArray array, double[] to) {
    INDArray source = contiguous(array) ? array : array.dup('c');
    int length = Math.toIntExact(source.length());
    int offset = Math.toIntExact(source.offset());
    switch (source.dataType()) {
      case DOUBLE -> source.data().asNioDouble().get(offset, to, 0, length);
      case FLOAT -> {
        FloatBuffer buffer = source.data().asNioFloat();
        for (int i = 0; i < length; i++) {
          to[i] = buffer.get(offset + i);
        }
      }
      default -> throw new IllegalArgumentException("not a real array: " + source.dataType());
    }
  }

  /** The first {@code array.length()} numbers of {@code from} into {@code array} (c-contiguous). */
  static void write(double[] from, INDArray array) {
    if (!contiguous(array)) {
      throw new IllegalArgumentException("write needs a c-contiguous array");
    }
    int length = Math.toIntExact(array.length());
    int offset = Math.toIntExact(array.offset());
    switch (array.dataType()) {
      case DOUBLE -> {
        DoubleBuffer buffer = array.data().asNioDouble();
        buffer.put(offset, from, 0, length);
      }
      case FLOAT -> {
        FloatBuffer buffer = array.data().asNioFloat();
        for (int i = 0; i < length; i++) {
          buffer.put(offset + i, (float) from[i]);
        }
      }
      default -> throw new IllegalArgumentException("not a real array: " + array.dataType());
    }
  }

  private static boolean contiguous(INDArray array) {
    return array.ordering() == 'c' && Shape.hasDefaultStridesForShape(array);
  }
}
