package org.deltascape.models.cnn;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * im2col and its transpose col2im over Java arrays, driven by a block's patch map ({@link
 * ConvGeometry#patchSources()}): im2col lays out every example's patches as rows of a {@code
 * (rows·positions) × patchSize} matrix, so that a convolution is one matrix product with the
 * kernel; col2im adds such a matrix back onto the input positions, which is the convolution's
 * transpose (the step of back-propagation to the input).
 */
final class Patches {
  private Patches() {}

  /** {@code columns[r·M + j] = input[r·inputSize + map[j]]}, 0 where {@code map[j] < 0}. */
  static void im2col(int[] map, double[] input, int inputSize, int rows, double[] columns) {
    int width = map.length;
    for (int r = 0; r < rows; r++) {
      int from = r * inputSize;
      int to = r * width;
      for (int j = 0; j < width; j++) {
        int source = map[j];
        columns[to + j] = source < 0 ? 0.0 : input[from + source];
      }
    }
  }

  /**
   * As {@link #im2col(int[], double[], int, int, double[])}, written straight into the native
   * memory of {@code columns} (c-contiguous, DOUBLE or FLOAT), which saves a pass over the largest
   * array of a convolution.
   */
  static void im2col(int[] map, double[] input, int inputSize, int rows, INDArray columns) {
    if (columns.ordering() != 'c' || !Shape.hasDefaultStridesForShape(columns)) {
      throw new IllegalArgumentException("im2col needs a c-contiguous patch matrix");
    }
    int width = map.length;
    int offset = Math.toIntExact(columns.offset());
    if (columns.dataType() == DataType.DOUBLE) {
      DoubleBuffer out = columns.data().asNioDouble();
      for (int r = 0; r < rows; r++) {
        int from = r * inputSize;
        int to = offset + r * width;
        for (int j = 0; j < width; j++) {
          int source = map[j];
          out.put(to + j, source < 0 ? 0.0 : input[from + source]);
        }
      }
    } else {
      FloatBuffer out = columns.data().asNioFloat();
      for (int r = 0; r < rows; r++) {
        int from = r * inputSize;
        int to = offset + r * width;
        for (int j = 0; j < width; j++) {
          int source = map[j];
          out.put(to + j, source < 0 ? 0.0f : (float) input[from + source]);
        }
      }
    }
  }

  /** {@code input = 0}, then {@code input[r·inputSize + map[j]] += columns[r·M + j]}. */
  static void col2im(int[] map, double[] columns, int inputSize, int rows, double[] input) {
    java.util.Arrays.fill(input, 0, rows * inputSize, 0.0);
    int width = map.length;
    for (int r = 0; r < rows; r++) {
      int to = r * inputSize;
      int from = r * width;
      for (int j = 0; j < width; j++) {
        int source = map[j];
        if (source >= 0) {
          input[to + source] += columns[from + j];
        }
      }
    }
  }
}
