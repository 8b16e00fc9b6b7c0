package org.deltascape.models.mlp;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Softmax cross-entropy of a block of logits, {@code ℓ_i = logsumexp(z_i) − y_iᵀz_i}, written
 * straight into a row of a float64 output, in one plain loop with float64 arithmetic. On the
 * Monte Carlo path the logits are only n × C (C = 10 for the paper): the dozen ND4J operations of
 * {@link OutputLoss#CROSS_ENTROPY} each cost more in dispatch and allocation than their
 * arithmetic, about as much as a third of the sample's largest matrix product. Used only where
 * every array is a whole c-order buffer; {@link #evaluate} says when it was not.
 */
final class CrossEntropyRows {
  private CrossEntropyRows() {}

  /**
   * Per-example losses of {@code logits} (m × C, examples {@code first … first + m − 1}) against
   * the one-hot rows {@code first …} of {@code targets} (n × C), into {@code out[row, first ..
   * first + m)} (out S × n DOUBLE).
   *
   * @return false (and nothing written) when an array is not a whole c-order buffer of a supported
   *     type; the caller then takes the general path
   */
  static boolean evaluate(INDArray logits, INDArray targets, int first, INDArray out, int row) {
    if (!whole(logits) || !whole(targets) || !whole(out) || out.dataType() != DataType.DOUBLE
        || logits.dataType() != targets.dataType()
        || (logits.dataType() != DataType.FLOAT && logits.dataType() != DataType.DOUBLE)) {
      return false;
    }
    int n = (int) logits.rows();
    int classes = (int) logits.columns();
    DoubleBuffer result = out.data().asNioDouble();
    int base = row * (int) out.columns() + first;
    int targetBase = first * classes;
    if (logits.dataType() == DataType.FLOAT) {
      FloatBuffer z = logits.data().asNioFloat();
      FloatBuffer y = targets.data().asNioFloat();
      for (int i = 0; i < n; i++) {
        int at = i * classes;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
          max = Math.max(max, z.get(at + c));
        }
        double sum = 0.0;
        double fit = 0.0;
        for (int c = 0; c < classes; c++) {
          double value = z.get(at + c);
          sum += Math.exp(value - max);
          fit += y.get(targetBase + at + c) * value;
        }
        result.put(base + i, Math.log(sum) + max - fit);
      }
    } else {
      DoubleBuffer z = logits.data().asNioDouble();
      DoubleBuffer y = targets.data().asNioDouble();
      for (int i = 0; i < n; i++) {
        int at = i * classes;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
          max = Math.max(max, z.get(at + c));
        }
        double sum = 0.0;
        double fit = 0.0;
        for (int c = 0; c < classes; c++) {
          double value = z.get(at + c);
          sum += Math.exp(value - max);
          fit += y.get(targetBase + at + c) * value;
        }
        result.put(base + i, Math.log(sum) + max - fit);
      }
    }
    return true;
  }

  private static boolean whole(INDArray array) {
    return !array.isView() && array.offset() == 0 && array.ordering() == 'c'
        && array.length() == array.data().length();
  }
}
