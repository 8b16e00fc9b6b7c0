package org.deltascape.spark;

import java.io.Serializable;
import java.util.List;

/**
 * What a Spark task of a pass split by data sends back: for each chunk of its range, in order,
 * the losses of each block of its range (S_b × n_c float64, row-major), as {@link
 * org.deltascape.launcher.engine.ChunkLossComputer} evaluated them.
 *
 * @param chunks the chunks of the task's range, in order
 */
record ChunkLosses(List<Chunk> chunks) implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * One chunk's losses.
   *
   * @param index the chunk's index in the data
   * @param blocks per block of the task's range, in order, S_b × n_c row-major
   */
  record Chunk(int index, List<double[]> blocks) implements Serializable {
    private static final long serialVersionUID = 1L;
  }
}
