package org.deltascape.datasets;

import java.util.Objects;
import org.deltascape.api.TargetKind;

/**
 * The targets of a dataset: class indices (shown as one-hot rows) or {@code rows × outputs} real
 * values, row-major float32. Immutable.
 */
public final class TargetMatrix {
  private final TargetKind kind;
  private final int rows;
  private final int outputs;
  private final int[] classes;
  private final float[] values;

  private TargetMatrix(TargetKind kind, int rows, int outputs, int[] classes, float[] values) {
    this.kind = kind;
    this.rows = rows;
    this.outputs = outputs;
    this.classes = classes;
    this.values = values;
  }

  /** Class indices, each in {@code [0, classCount)}; the array is taken over. */
  public static TargetMatrix ofClasses(int[] labels, int classCount) {
    Objects.requireNonNull(labels, "labels");
    if (classCount < 1) {
      throw new IllegalArgumentException("classCount " + classCount);
    }
    for (int label : labels) {
      if (label < 0 || label >= classCount) {
        throw new IllegalArgumentException("label " + label + " outside 0.." + (classCount - 1));
      }
    }
    return new TargetMatrix(TargetKind.CLASSIFICATION, labels.length, classCount, labels, null);
  }

  /** Real targets, {@code rows × outputs} row-major; the array is taken over. */
  public static TargetMatrix ofValues(int rows, int outputs, float[] values) {
    if (outputs < 1 || values.length != rows * outputs) {
      throw new IllegalArgumentException(values.length + " values for " + rows + " × " + outputs);
    }
    return new TargetMatrix(TargetKind.REGRESSION, rows, outputs, null, values);
  }

  /** Classification or regression. */
  public TargetKind kind() {
    return kind;
  }

  /** The number of rows. */
  public int rows() {
    return rows;
  }

  /** Classes, or real outputs per row. */
  public int outputs() {
    return outputs;
  }

  /** The class of row {@code row} (classification only). */
  public int classOf(int row) {
    return classes[row];
  }

  /** Rows {@code [from, to)} (one-hot for classes) as float32 into {@code out}, zero-filled. */
  public void copyRows(int from, int to, float[] out) {
    if (classes != null) {
      for (int i = from; i < to; i++) {
        out[(i - from) * outputs + classes[i]] = 1f;
      }
    } else {
      System.arraycopy(values, from * outputs, out, 0, (to - from) * outputs);
    }
  }

  /** Rows {@code [from, to)} (one-hot for classes) as float64 into {@code out}, zero-filled. */
  public void copyRows(int from, int to, double[] out) {
    if (classes != null) {
      for (int i = from; i < to; i++) {
        out[(i - from) * outputs + classes[i]] = 1.0;
      }
    } else {
      for (int i = 0; i < (to - from) * outputs; i++) {
        out[i] = values[from * outputs + i];
      }
    }
  }

  /** The rows at {@code order[0]}, {@code order[1]}, … as a new matrix. */
  public TargetMatrix select(int[] order) {
    if (classes != null) {
      int[] picked = new int[order.length];
      for (int i = 0; i < order.length; i++) {
        picked[i] = classes[order[i]];
      }
      return new TargetMatrix(kind, order.length, outputs, picked, null);
    }
    float[] picked = new float[order.length * outputs];
    for (int i = 0; i < order.length; i++) {
      System.arraycopy(values, order[i] * outputs, picked, i * outputs, outputs);
    }
    return new TargetMatrix(kind, order.length, outputs, null, picked);
  }
}
