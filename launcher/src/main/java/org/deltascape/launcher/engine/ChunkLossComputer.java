package org.deltascape.launcher.engine;

import java.util.List;

/**
 * Evaluates, in this JVM, the losses of blocks of one Monte Carlo pass on one data chunk at a
 * time: the share of a task that splits a pass by data ({@link LossSource}). Built by {@link
 * MonteCarloWorker#chunkLosses} from the run's description and the job alone; the values are those
 * of the experiment's own chunk loop, bit for bit. Not thread-safe: one per thread.
 */
@FunctionalInterface
public interface ChunkLossComputer {

  /**
   * The losses of blocks {@code [fromBlock, toBlock)} on chunk {@code chunk} (examples {@code
   * [chunk·chunkSize, …)} as {@link LossSource#chunkSize()} cuts them), one array per block in
   * block order: S_b × n_c float64 in row-major order, entry (s, i) the loss of the chunk's example
   * i at θ_s.
   *
   * @throws IllegalArgumentException when the chunk or a block does not exist
   */
  List<double[]> compute(int chunk, int fromBlock, int toBlock);
}
