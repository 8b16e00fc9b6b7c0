package org.deltascape.launcher.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deltascape.api.DeltaProblem;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Estimator;
import org.deltascape.api.PartialSums;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.SubspaceModel;
import org.deltascape.api.ThetaSampler;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The Monte Carlo pass of one space: for each block of {@value #BLOCK} sample indices, draw θ,
 * evaluate every example's loss at w* + Pθ once (all k and all orders come from these), and hand
 * the block to every estimator that takes loss samples; their partial sums are combined in index
 * order.
 */
final class MonteCarloPass {

  /** Samples per block: the unit of partial sums, checkpoints and shards. */
  static final int BLOCK = 64;

  /**
   * The authors' code as it ran (paper-compat): only the first coordinate of θ is applied, and
   * every sample sees the data in an order of its own, drawn from {@code (order seed,
   * "compat-order", s)}; the estimators then walk each sample's losses in that order.
   *
   * @param orderSeed the run's data-order seed
   */
  record Compat(long orderSeed) {}

  /** The result: each estimator's sums over all samples, and the θ samples drawn (S × D). */
  record Result(Map<String, PartialSums> sums, double[] thetas) {}

  private MonteCarloPass() {}

  static Result run(
      SubspaceModel subspace,
      ThetaSampler sampler,
      RandomKey key,
      int samples,
      DataChunks chunks,
      DeltaProblem problem,
      Map<String, Estimator> estimators,
      Compat compat,
      Progress progress,
      String label) {
    int dimension = subspace.dimension();
    int n = chunks.size();
    Map<String, PartialSums> totals = new LinkedHashMap<>();
    double[] allThetas = new double[samples * dimension];
    List<INDArray> chunkOut = new ArrayList<>();
    try (Progress.Task task = progress.start("Monte Carlo in " + label, samples, "samples")) {
      for (int first = 0; first < samples; first += BLOCK) {
        int count = Math.min(BLOCK, samples - first);
        INDArray thetas = Nd4j.zeros(DataType.DOUBLE, count, dimension);
        sampler.sample(key, first, thetas);
        if (compat != null && dimension > 1) {
          thetas.get(NDArrayIndex.all(), NDArrayIndex.interval(1, dimension)).assign(0);
        }
        System.arraycopy(thetas.data().asDouble(), 0, allThetas, first * dimension, count * dimension);
        INDArray losses = Nd4j.zeros(DataType.DOUBLE, count, n);
        int c = 0;
        for (DataChunks.Chunk chunk : chunks) {
          int size = chunk.batch().size();
          if (chunkOut.size() <= c || chunkOut.get(c).rows() != count) {
            INDArray buffer = Nd4j.zeros(DataType.DOUBLE, count, size);
            if (chunkOut.size() <= c) {
              chunkOut.add(buffer);
            } else {
              chunkOut.set(c, buffer);
            }
          }
          INDArray out = chunkOut.get(c);
          subspace.losses(thetas, chunk.batch(), out);
          losses.get(NDArrayIndex.all(), NDArrayIndex.interval(chunk.from(), chunk.from() + size)).assign(out);
          c++;
        }
        requireFinite(losses, first, label);
        if (compat != null) {
          reshuffle(losses, first, compat.orderSeed());
        }
        for (Map.Entry<String, Estimator> entry : estimators.entrySet()) {
          PartialSums block = entry.getValue().accumulate(problem, first, thetas, losses);
          totals.merge(entry.getKey(), block, PartialSums::then);
        }
        task.advance(count);
      }
    }
    return new Result(totals, allThetas);
  }

  private static void requireFinite(INDArray losses, int first, String label) {
    double[] values = losses.data().asDouble();
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        int n = (int) losses.columns();
        throw new DeltascapeException("the loss of example " + (i % n) + " at sample "
            + (first + i / n) + " is " + values[i] + ": the model's loss overflowed far from w*",
            "Monte Carlo in space " + label, "Lower sampler.sigma, or use precision: double");
      }
    }
  }

  /** Puts each sample's losses in an order of its own (paper-compat). */
  private static void reshuffle(INDArray losses, int first, long seed) {
    int n = (int) losses.columns();
    for (int row = 0; row < losses.rows(); row++) {
      int[] order = DataOrders.permutation(new RandomKey(seed, "compat-order", first + row), n);
      double[] values = losses.getRow(row).toDoubleVector();
      double[] shuffled = new double[n];
      for (int p = 0; p < n; p++) {
        shuffled[p] = values[order[p]];
      }
      losses.putRow(row, Nd4j.createFromArray(shuffled));
    }
  }
}
