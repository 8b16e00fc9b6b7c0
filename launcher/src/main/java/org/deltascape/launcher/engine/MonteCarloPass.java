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

  /** The θ of samples {@code [first, first + count)}, count × D. */
  static INDArray draw(ThetaSampler sampler, RandomKey key, int first, int count,
      int dimension, Compat compat) {
    INDArray thetas = Nd4j.zeros(DataType.DOUBLE, count, dimension);
    sampler.sample(key, first, thetas);
    if (compat != null && dimension > 1) {
      thetas.get(NDArrayIndex.all(), NDArrayIndex.interval(1, dimension)).assign(0);
    }
    return thetas;
  }

  /**
   * The blocks of a pass accumulated in this JVM: for each block, θ from its indices, every
   * example's loss at w* + Pθ from {@code losses} (all k and all orders come from these), checked
   * to be finite, and each estimator's sums of the block. Not thread-safe: one per thread.
   *
   * @param losses the losses of the pass: this JVM's chunk loop ({@link ChunkedLosses}), or what
   *     an executor evaluates elsewhere
   */
  static BlockComputer computer(LossSource losses, ThetaSampler sampler, RandomKey key,
      int samples, int dimension, DeltaProblem problem, Map<String, Estimator> estimators,
      Compat compat, String label) {
    int passBlocks = (samples + BLOCK - 1) / BLOCK;
    return (fromBlock, toBlock) -> {
      int beyond = Math.max(fromBlock, passBlocks);
      if (beyond < toBlock) {
        throw new IllegalArgumentException("block " + beyond + " is beyond the " + samples + " samples");
      }
      List<Map<String, PartialSums>> blocks = new ArrayList<>();
      losses.losses(fromBlock, toBlock, (block, matrix) -> {
        int first = block * BLOCK;
        int count = Math.min(BLOCK, samples - first);
        if (block != fromBlock + blocks.size() || matrix.rows() != count
            || matrix.columns() != problem.examples()) {
          throw new IllegalStateException("the losses of block " + block + " came as "
              + matrix.rows() + " × " + matrix.columns() + " after " + blocks.size()
              + " blocks from block " + fromBlock + "; expected block "
              + (fromBlock + blocks.size()) + ", " + count + " × " + problem.examples());
        }
        INDArray thetas = draw(sampler, key, first, count, dimension, compat);
        requireFinite(matrix, first, label);
        if (compat != null) {
          reshuffle(matrix, first, compat.orderSeed());
        }
        Map<String, PartialSums> sums = new LinkedHashMap<>();
        for (Map.Entry<String, Estimator> entry : estimators.entrySet()) {
          sums.put(entry.getKey(), entry.getValue().accumulate(problem, first, thetas, matrix));
        }
        blocks.add(sums);
      });
      if (blocks.size() != toBlock - fromBlock) {
        throw new IllegalStateException("the loss source gave " + blocks.size()
            + " blocks for blocks [" + fromBlock + ", " + toBlock + ")");
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
