package org.deltascape.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What one Spark task of a pass split by data evaluates: the losses of blocks {@code [fromBlock,
 * toBlock)} of the pass on the data's chunks {@code [fromChunk, toChunk)}.
 *
 * @param fromChunk the first chunk
 * @param toChunk one past the last chunk
 * @param fromBlock the first block
 * @param toBlock one past the last block
 */
record ChunkRange(int fromChunk, int toChunk, int fromBlock, int toBlock) implements Serializable {

  private static final long serialVersionUID = 1L;

  ChunkRange {
    if (fromChunk < 0 || toChunk <= fromChunk || fromBlock < 0 || toBlock <= fromBlock) {
      throw new IllegalArgumentException("an empty or negative range: chunks [" + fromChunk + ", "
          + toChunk + "), blocks [" + fromBlock + ", " + toBlock + ")");
    }
  }

  /**
   * The tasks of one Spark job: chunks {@code [0, chunks)} cut into {@code min(parts, chunks)}
   * contiguous ranges, in order, whose sizes differ by at most one, each for blocks {@code
   * [fromBlock, toBlock)}.
   */
  static List<ChunkRange> split(int chunks, int parts, int fromBlock, int toBlock) {
    List<ChunkRange> ranges = new ArrayList<>();
    for (BlockRange range : BlockRange.split(0, chunks, parts)) {
      ranges.add(new ChunkRange(range.from(), range.to(), fromBlock, toBlock));
    }
    return ranges;
  }
}
