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

  /**
   * Where a pass records its progress and finds progress made before (checkpoints, shards). The
   * unit is a block of {@value #BLOCK} samples: sums are only ever recorded or restored at block
   * boundaries, so a resumed pass adds exactly what an uninterrupted one would.
   */
  interface Journal {
    /** Samples already done, a multiple of {@value #BLOCK} (0 to start afresh). */
    int samplesDone();

    /** Each estimator's sums over the samples already done (empty when none). */
    Map<String, PartialSums> sumsDone();

    /** Called after each block with the sums over {@code [0, samplesDone)}. */
    void record(int samplesDone, Map<String, PartialSums> sums);

    /** A journal that starts afresh and keeps nothing. */
    Journal NONE = new Journal() {
      @Override
      public int samplesDone() {
        return 0;
      }

      @Override
      public Map<String, PartialSums> sumsDone() {
        return Map.of();
      }

      @Override
      public void record(int samplesDone, Map<String, PartialSums> sums) {}
    };
  }

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
      Journal journal,
      Progress progress,
      String label) {
    int dimension = subspace.dimension();
    int n = chunks.size();
    int done = journal.samplesDone();
    if (done % BLOCK != 0 && done != samples || done > samples) {
      throw new IllegalArgumentException("cannot resume Monte Carlo at sample " + done);
    }
    Map<String, PartialSums> totals = new LinkedHashMap<>(journal.sumsDone());
    double[] allThetas = new double[samples * dimension];
    List<INDArray> chunkOut = new ArrayList<>();
    INDArray losses = null; // S × N, reused by every block of the same size
    try (Progress.Task task = progress.start("Monte Carlo in " + label, samples, "samples")) {
      task.advance(done);
      for (int first = 0; first < samples; first += BLOCK) {
        int count = Math.min(BLOCK, samples - first);
        INDArray thetas = Nd4j.zeros(DataType.DOUBLE, count, dimension);
        sampler.sample(key, first, thetas);
        if (compat != null && dimension > 1) {
          thetas.get(NDArrayIndex.all(), NDArrayIndex.interval(1, dimension)).assign(0);
        }
        System.arraycopy(thetas.data().asDouble(), 0, allThetas, first * dimension, count * dimension);
        if (first < done) {
          continue; // θ are redrawn (cheap, and a function of the index); the sums were restored
        }
        if (losses == null || losses.rows() != count) {
          losses = Nd4j.create(DataType.DOUBLE, count, n); // every column is overwritten below
        }
        int c = 0;
        for (DataChunks.Chunk chunk : chunks) {
          int size = chunk.batch().size();
          if (chunkOut.size() <= c || chunkOut.get(c).rows() != count) {
            INDArray buffer = Nd4j.create(DataType.DOUBLE, count, size);
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
        journal.record(first + count, totals);
        task.advance(count);
      }
    }
    return new Result(totals, allThetas);
  }

  private static void requireFinite(INDArray losses, int first, String label) {
    java.nio.DoubleBuffer values = losses.data().asNioDouble(); // a view: no copy of the block
    int length = (int) losses.length();
    for (int i = 0; i < length; i++) {
      if (!Double.isFinite(values.get(i))) {
        int n = (int) losses.columns();
        throw new DeltascapeException("the loss of example " + (i % n) + " at sample "
            + (first + i / n) + " is " + values.get(i) + ": the model's loss overflowed far from w*",
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
