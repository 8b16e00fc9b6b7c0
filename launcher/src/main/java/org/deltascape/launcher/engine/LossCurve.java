package org.deltascape.launcher.engine;

import org.deltascape.api.Model;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** L_k(w*) for every k: the prefix means of the losses at the centre, averaged over orders. */
final class LossCurve {

  private LossCurve() {}

  /** Index k−1 holds the mean over orders of the mean loss of the first k·b examples. */
  static double[] prefixMeans(Model model, INDArray weights, DataChunks chunks, int[][] orders, int b) {
    double[] losses = new double[chunks.size()];
    for (DataChunks.Chunk chunk : chunks) {
      INDArray out = Nd4j.zeros(DataType.DOUBLE, chunk.batch().size());
      model.losses(weights, chunk.batch(), out);
      System.arraycopy(out.data().asDouble(), 0, losses, chunk.from(), chunk.batch().size());
    }
    int steps = chunks.size() / b - 1;
    double[] means = new double[steps];
    for (int[] order : orders) {
      double sum = 0;
      int position = 0;
      for (int k = 1; k <= steps; k++) {
        for (; position < k * b; position++) {
          sum += losses[order[position]];
        }
        means[k - 1] += sum / (k * b) / orders.length;
      }
    }
    return means;
  }
}
