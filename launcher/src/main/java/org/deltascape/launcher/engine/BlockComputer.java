package org.deltascape.launcher.engine;

import java.util.List;
import java.util.Map;
import org.deltascape.api.PartialSums;

/**
 * Computes blocks of one Monte Carlo pass in this JVM. A block's sums depend only on the run's
 * config, w*, P and the block's index, never on which JVM computes it or what it computed before.
 */
@FunctionalInterface
public interface BlockComputer {

  /**
   * Each block's sums, for blocks {@code [fromBlock, toBlock)} in order: one map per block from
   * estimator id to the {@link PartialSums} of that block alone.
   *
   * @throws org.deltascape.api.DeltascapeException when a loss is not finite (naming the sample)
   */
  List<Map<String, PartialSums>> compute(int fromBlock, int toBlock);
}
