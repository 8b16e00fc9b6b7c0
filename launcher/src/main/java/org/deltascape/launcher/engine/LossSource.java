package org.deltascape.launcher.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Where the per-example losses of one space's Monte Carlo pass come from: for block b of θ samples
 * (its S_b samples, indices {@code [64b, 64b + S_b)} of the pass's θ stream), the S_b × N matrix
 * whose entry (s, i) is {@code l_i(w* + Pθ_s)}, example i of the dataset in its own order. The
 * experiment's {@link BlockComputer} takes each block's matrix, checks that it is finite and hands
 * it to the estimators, in block order.
 *
 * <p>The data are cut into contiguous chunks of {@link #chunkSize()} examples, and a chunk's losses
 * are always the output of one {@link org.deltascape.api.SubspaceModel#losses} call on exactly
 * that chunk, whichever JVM makes it: this JVM's chunk loop (the default), or tasks that each
 * evaluate some chunks ({@link MonteCarloWorker#chunkLosses}). Any source therefore gives the same
 * bits, and Δ_k does not depend on how the data were split. Called from one thread at a time.
 */
public interface LossSource {

  /** N, the examples of the dataset (the columns of every block's matrix). */
  int examples();

  /**
   * Examples per chunk: chunk c covers examples {@code [c·chunkSize, min(N, (c+1)·chunkSize))}.
   */
  int chunkSize();

  /** The number of chunks, ⌈N / {@link #chunkSize()}⌉. */
  default int chunks() {
    return (int) (((long) examples() + chunkSize() - 1) / chunkSize());
  }

  /**
   * Hands {@code sink} the losses of each block of {@code [fromBlock, toBlock)}, once per block,
   * in block order: an S_b × N float64 matrix in row-major order that the sink may modify and must
   * not keep after it returns (the source may reuse it).
   *
   * @throws org.deltascape.api.DeltascapeException when the losses cannot be evaluated where the
   *     source evaluates them (what the sink throws goes through unchanged)
   */
  void losses(int fromBlock, int toBlock, Sink sink);

  /** Receives one block's losses. */
  @FunctionalInterface
  interface Sink {

    /**
     * @param block the block's index in the pass
     * @param losses S_b × N, float64, row-major; valid during this call only
     */
    void accept(int block, INDArray losses);
  }
}
