package org.deltascape.launcher.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deltascape.api.PartialSums;
import org.deltascape.api.Progress;
import org.deltascape.launcher.config.SweepPlan;

/**
 * Where the blocks of Monte Carlo passes are computed: in this JVM ({@link #LOCAL}, the default)
 * or elsewhere (Spark executors). Whatever computes them, the experiment folds the blocks' sums in
 * index order exactly as a single-JVM pass does, so any split gives bit-identical Δ_k. An
 * executor may instead {@linkplain #points run whole points} of a sweep elsewhere. Called from
 * the experiment's thread only.
 */
public interface MonteCarloExecutor extends AutoCloseable {

  /**
   * The sums of blocks {@code [fromBlock, toBlock)} of {@code job}, one map per block, in block
   * order.
   *
   * @param local computes any range of the job's blocks in this JVM
   * @param task advanced by the samples of each block as it completes
   */
  List<Map<String, PartialSums>> run(MonteCarloJob job, int fromBlock, int toBlock,
      BlockComputer local, Progress.Task task);

  /**
   * Where the losses of {@code job}'s pass come from, which the {@link BlockComputer} handed to
   * {@link #run} accumulates in this JVM: {@code local} (this JVM's chunk loop), unless the
   * executor evaluates the data's chunks elsewhere (a pass split by data). Called once per pass,
   * before {@link #run}; any source gives the same bits (see {@link LossSource}).
   *
   * @param local the losses evaluated in this JVM
   */
  default LossSource losses(MonteCarloJob job, LossSource local) {
    return local;
  }

  /**
   * How many blocks the experiment hands over per call: after each call it records its progress
   * (checkpoints). One for the local executor; an executor that spreads blocks over a cluster
   * takes all remaining blocks at once.
   */
  default int blocksPerCall() {
    return 1;
  }

  /**
   * Whether this executor runs whole points of {@code plan} rather than the blocks of each pass:
   * asked once per run of a plan of more than one point (a sweep, replicates), before anything is
   * computed. With a runner, the experiment prepares on its side the fits that several points
   * share (and their directions), hands every point to the runner, and computes no block itself.
   * {@link #describe()} afterwards records the choice. None by default.
   */
  default Optional<PointRunner> points(SweepPlan plan) {
    return Optional.empty();
  }

  /** What provenance records about the engine: its id and how it ran (master, partitions…). */
  Map<String, Object> describe();

  /** Releases what the executor holds (a Spark context); the local executor holds nothing. */
  @Override
  default void close() {}

  /** Computes every block in this JVM, one after another. */
  MonteCarloExecutor LOCAL = new MonteCarloExecutor() {
    @Override
    public List<Map<String, PartialSums>> run(MonteCarloJob job, int fromBlock, int toBlock,
        BlockComputer local, Progress.Task task) {
      List<Map<String, PartialSums>> blocks = new java.util.ArrayList<>();
      for (int block = fromBlock; block < toBlock; block++) {
        blocks.addAll(local.compute(block, block + 1));
        task.advance(job.samplesIn(block));
      }
      return blocks;
    }

    @Override
    public Map<String, Object> describe() {
      Map<String, Object> description = new LinkedHashMap<>();
      description.put("id", EngineProvider.LOCAL);
      return description;
    }
  };
}
