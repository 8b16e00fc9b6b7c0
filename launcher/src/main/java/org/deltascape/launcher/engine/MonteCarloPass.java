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

  /**
   * The pass on the experiment's side: θ of every block (for the outputs), and each estimator's
   * sums over all samples, the blocks not restored from {@code journal} computed by {@code
   * executor} and folded in index order.
   */
  static Result run(MonteCarloJob job, BlockComputer local, MonteCarloExecutor executor,
      ThetaSampler sampler, RandomKey key, Compat compat, Journal journal, Progress progress,
      String label) {
    int samples = job.samples();
    int done = journal.samplesDone();
    if (done % BLOCK != 0 && done != samples || done > samples) {
      throw new IllegalArgumentException("cannot resume Monte Carlo at sample " + done);
    }
    Map<String, PartialSums> totals = new LinkedHashMap<>(journal.sumsDone());
    double[] allThetas = thetas(sampler, key, samples, job.dimension(), compat);
    try (Progress.Task task = progress.start("Monte Carlo in " + label, samples, "samples")) {
      task.advance(done);
      int step = Math.max(1, executor.blocksPerCall());
      for (int from = (done + BLOCK - 1) / BLOCK; from < job.blocks(); from += step) {
        int to = (int) Math.min(job.blocks(), (long) from + step);
        List<Map<String, PartialSums>> blocks = executor.run(job, from, to, local, task);
        if (blocks.size() != to - from) {
          throw new IllegalStateException("the " + executor.describe().get("id") + " engine returned "
              + blocks.size() + " blocks for blocks [" + from + ", " + to + ")");
        }
        for (Map<String, PartialSums> block : blocks) {
          block.forEach((id, sums) -> totals.merge(id, sums, PartialSums::then));
        }
        journal.record(Math.min(samples, to * BLOCK), totals);
      }
    }
    return new Result(totals, allThetas);
  }

  /** Every θ of the pass, S × D row-major, drawn block by block as the blocks draw them. */
  static double[] thetas(ThetaSampler sampler, RandomKey key, int samples, int dimension,
      Compat compat) {
    double[] all = new double[samples * dimension];
    for (int first = 0; first < samples; first += BLOCK) {
      INDArray thetas = draw(sampler, key, first, Math.min(BLOCK, samples - first), dimension, compat);
      System.arraycopy(thetas.data().asDouble(), 0, all, first * dimension,
          (int) thetas.length());
    }
    return all;
  }

  private static INDArray draw(ThetaSampler sampler, RandomKey key, int first, int count,
      int dimension, Compat compat) {
    INDArray thetas = Nd4j.zeros(DataType.DOUBLE, count, dimension);
    sampler.sample(key, first, thetas);
    if (compat != null && dimension > 1) {
      thetas.get(NDArrayIndex.all(), NDArrayIndex.interval(1, dimension)).assign(0);
    }
    return thetas;
  }

  /**
   * The blocks of a pass computed in this JVM: for each block, θ from its indices, every example's
   * loss at w* + Pθ (all k and all orders come from these), and each estimator's sums of the block.
   * Not thread-safe (it reuses its buffers): one per thread.
   */
  static BlockComputer computer(SubspaceModel subspace, ThetaSampler sampler, RandomKey key,
      int samples, DataChunks chunks, DeltaProblem problem, Map<String, Estimator> estimators,
      Compat compat, String label) {
    int dimension = subspace.dimension();
    int n = chunks.size();
    List<INDArray> chunkOut = new ArrayList<>();
    INDArray[] losses = new INDArray[1]; // S × N, reused by every block of the same size
    return (fromBlock, toBlock) -> {
      List<Map<String, PartialSums>> blocks = new ArrayList<>();
      for (int block = fromBlock; block < toBlock; block++) {
        int first = block * BLOCK;
        int count = Math.min(BLOCK, samples - first);
        if (count <= 0) {
          throw new IllegalArgumentException("block " + block + " is beyond the " + samples + " samples");
        }
        INDArray thetas = draw(sampler, key, first, count, dimension, compat);
        if (losses[0] == null || losses[0].rows() != count) {
          losses[0] = Nd4j.create(DataType.DOUBLE, count, n); // every column is overwritten below
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
          losses[0].get(NDArrayIndex.all(), NDArrayIndex.interval(chunk.from(), chunk.from() + size))
              .assign(out);
          c++;
        }
        requireFinite(losses[0], first, label);
        if (compat != null) {
          reshuffle(losses[0], first, compat.orderSeed());
        }
        Map<String, PartialSums> sums = new LinkedHashMap<>();
        for (Map.Entry<String, Estimator> entry : estimators.entrySet()) {
          sums.put(entry.getKey(), entry.getValue().accumulate(problem, first, thetas, losses[0]));
        }
        blocks.add(sums);
      }
      return blocks;
    };
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
