package org.deltascape.launcher.engine;

import java.util.List;
import org.deltascape.api.Progress;
import org.deltascape.launcher.config.SweepPlan;

/**
 * Runs whole points of a plan elsewhere (Spark executors), each exactly as {@link
 * Experiment#runPoints} runs it in one JVM, from the run's description and what the driver
 * prepared: the fits and directions in {@code prepared} are restored, never trained or solved
 * again, so the results are bit-identical to a run in one JVM with one ND4J thread. A point whose
 * fit is not in {@code prepared} trains it where it runs.
 */
public interface PointRunner {

  /**
   * The results of the points {@code indices}.
   *
   * @param plan the run's plan, as the driver bound it
   * @param indices the points to run, each once
   * @param prepared the fits and directions the driver prepared
   * @param task advanced by one for each point as it completes
   * @return one result per index, in the order of {@code indices}; their config and folder may be
   *     null (results travel without them, see {@link RunResult}): the experiment restores them
   */
  List<RunResult> run(SweepPlan plan, List<Integer> indices, MemoryJournal prepared,
      Progress.Task task);
}
