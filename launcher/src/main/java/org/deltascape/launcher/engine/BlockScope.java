package org.deltascape.launcher.engine;

import java.util.List;
import java.util.Map;
import org.deltascape.api.PartialSums;

/**
 * Which Monte Carlo blocks a partial run computes (a shard's share of a run) and where their sums
 * go. A partial run trains (or restores) only the fits, and builds only the directions, of the
 * points and spaces it has blocks in, and estimates nothing.
 */
public interface BlockScope {

  /**
   * The blocks of a space of a point this run computes, {@code {from, to}}, or null for none.
   *
   * @param blocks the blocks of the space's pass
   */
  int[] blocks(int point, String space, int blocks);

  /**
   * Receives the sums of blocks {@code [fromBlock, fromBlock + sums.size())} of a job, one map per
   * block, in block order.
   */
  void accept(MonteCarloJob job, int fromBlock, List<Map<String, PartialSums>> sums);
}
