package org.deltascape.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The blocks {@code [from, to)} of a Monte Carlo job that one Spark task computes.
 *
 * @param from the first block
 * @param to one past the last block
 */
record BlockRange(int from, int to) implements Serializable {

  private static final long serialVersionUID = 1L;

  BlockRange {
    if (from < 0 || to <= from) {
      throw new IllegalArgumentException("an empty or negative block range [" + from + ", " + to + ")");
    }
  }

  /**
   * Blocks {@code [from, to)} cut into {@code min(parts, to − from)} contiguous ranges, in order,
   * whose sizes differ by at most one.
   */
  static List<BlockRange> split(int from, int to, int parts) {
    int blocks = to - from;
    int count = Math.min(parts, blocks);
    List<BlockRange> ranges = new ArrayList<>(count);
    for (int r = 0; r < count; r++) {
      int start = from + (int) ((long) r * blocks / count);
      int end = from + (int) ((long) (r + 1) * blocks / count);
      ranges.add(new BlockRange(start, end));
    }
    return ranges;
  }
}
