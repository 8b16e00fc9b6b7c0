package org.deltascape.datasets;

import java.util.Objects;

/**
 * The inputs of a dataset, {@code rows × width} row-major, kept compact: either float32 values or
 * unsigned bytes with an affine map {@code value = byte · scale + offset} applied when a batch is
 * built (so 60,000 MNIST images stay 47 MB, not 188 MB). Immutable.
 */
public final class FeatureMatrix {
  private final int rows;
  private final int width;
  private final float[] floats;
  private final byte[] bytes;
  private final int base;
  private final double scale;
  private final double offset;

  private FeatureMatrix(
      int rows, int width, float[] floats, byte[] bytes, int base, double scale, double offset) {
    if (rows < 0 || width < 1) {
      throw new IllegalArgumentException(rows + " rows of width " + width);
    }
    long length = floats != null ? floats.length : (long) bytes.length - base;
    if (length < (long) rows * width) {
      throw new IllegalArgumentException(
          length + " values are fewer than " + rows + " rows of width " + width);
    }
    this.rows = rows;
    this.width = width;
    this.floats = floats;
    this.bytes = bytes;
    this.base = base;
    this.scale = scale;
    this.offset = offset;
  }

  /** Float rows; the array is taken over, not copied. */
  public static FeatureMatrix ofFloats(int rows, int width, float[] values) {
    return new FeatureMatrix(rows, width, Objects.requireNonNull(values), null, 0, 1, 0);
  }

  /**
   * Unsigned-byte rows read as {@code (b & 0xff) · scale + offset}, starting at {@code
   * values[base]} (a file's bytes after its header); the array is taken over, not copied.
   */
  public static FeatureMatrix ofBytes(
      int rows, int width, byte[] values, int base, double scale, double offset) {
    return new FeatureMatrix(rows, width, null, Objects.requireNonNull(values), base, scale, offset);
  }

  /** The number of rows. */
  public int rows() {
    return rows;
  }

  /** The number of values per row. */
  public int width() {
    return width;
  }

  /** Rows {@code [from, to)} as float32 into {@code out} from index 0. */
  public void copyRows(int from, int to, float[] out) {
    int start = from * width;
    int count = (to - from) * width;
    if (floats != null) {
      System.arraycopy(floats, start, out, 0, count);
      return;
    }
    float[] table = byteTable();
    for (int i = 0; i < count; i++) {
      out[i] = table[bytes[base + start + i] & 0xff];
    }
  }

  /** Rows {@code [from, to)} as float64 into {@code out} from index 0. */
  public void copyRows(int from, int to, double[] out) {
    int start = from * width;
    int count = (to - from) * width;
    if (floats != null) {
      for (int i = 0; i < count; i++) {
        out[i] = floats[start + i];
      }
      return;
    }
    double[] table = new double[256];
    for (int b = 0; b < 256; b++) {
      table[b] = b * scale + offset;
    }
    for (int i = 0; i < count; i++) {
      out[i] = table[bytes[base + start + i] & 0xff];
    }
  }

  /** The rows at {@code order[0]}, {@code order[1]}, … as a new matrix (a permutation or subset). */
  public FeatureMatrix select(int[] order) {
    if (floats != null) {
      float[] picked = new float[order.length * width];
      for (int i = 0; i < order.length; i++) {
        System.arraycopy(floats, order[i] * width, picked, i * width, width);
      }
      return ofFloats(order.length, width, picked);
    }
    byte[] picked = new byte[order.length * width];
    for (int i = 0; i < order.length; i++) {
      System.arraycopy(bytes, base + order[i] * width, picked, i * width, width);
    }
    return ofBytes(order.length, width, picked, 0, scale, offset);
  }

  /** The first {@code count} rows, sharing storage. */
  public FeatureMatrix head(int count) {
    if (count > rows) {
      throw new IllegalArgumentException(count + " > " + rows);
    }
    return new FeatureMatrix(count, width, floats, bytes, base, scale, offset);
  }

  private float[] byteTable() {
    float[] table = new float[256];
    for (int b = 0; b < 256; b++) {
      table[b] = (float) (b * scale + offset);
    }
    return table;
  }
}
