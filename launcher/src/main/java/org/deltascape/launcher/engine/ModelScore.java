package org.deltascape.launcher.engine;

import org.deltascape.api.Model;
import org.deltascape.api.TargetKind;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A model's mean loss and accuracy on a dataset at given weights.
 *
 * @param loss mean per-example loss
 * @param accuracy fraction of examples whose largest logit is the true class; NaN for regression
 * @param examples how many examples were scored
 */
public record ModelScore(double loss, double accuracy, int examples)
    implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  /** Scores the model on every chunk. */
  static ModelScore of(Model model, INDArray weights, DataChunks chunks, TargetKind kind) {
    double lossSum = 0;
    long correct = 0;
    for (DataChunks.Chunk chunk : chunks) {
      int n = chunk.batch().size();
      INDArray losses = Nd4j.zeros(DataType.DOUBLE, n);
      model.losses(weights, chunk.batch(), losses);
      lossSum += losses.sumNumber().doubleValue();
      if (kind == TargetKind.CLASSIFICATION) {
        INDArray outputs = Nd4j.zeros(DataType.DOUBLE, n, chunk.batch().targets().columns());
        model.predict(weights, chunk.batch(), outputs);
        INDArray predicted = outputs.argMax(1);
        INDArray truth = chunk.batch().targets().argMax(1);
        for (int i = 0; i < n; i++) {
          if (predicted.getLong(i) == truth.getLong(i)) {
            correct++;
          }
        }
      }
    }
    int n = chunks.size();
    return new ModelScore(lossSum / n, kind == TargetKind.CLASSIFICATION ? (double) correct / n : Double.NaN, n);
  }
}
