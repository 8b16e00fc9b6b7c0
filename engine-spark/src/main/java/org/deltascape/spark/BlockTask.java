package org.deltascape.spark;

import java.io.File;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.PartialSums;
import org.deltascape.launcher.engine.BlockComputer;
import org.deltascape.launcher.engine.MonteCarloJob;
import org.deltascape.launcher.engine.MonteCarloWorker;
import org.deltascape.launcher.engine.ThreadPolicy;
import scala.Function2;
import scala.collection.Iterator;

/**
 * One Spark task of a Monte Carlo pass: on an executor, ND4J pinned to one thread (Spark supplies
 * the parallelism, one task per core), the job rebuilt from the broadcast run and job by the
 * launcher's {@link MonteCarloWorker} (which keeps it for the thread's next task of the same job),
 * and the task's blocks computed. A block's sums depend only on the run, w*, P and the block's
 * index, so a retried or speculative attempt returns the same bits.
 */
final class BlockTask
    implements Function2<TaskContext, Iterator<BlockRange>, BlockSums>, Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * For tests: a Spark setting naming a partition whose first attempt fails, to show that a
   * retried task changes nothing. Unset, it does nothing.
   */
  static final String FAIL_FIRST_ATTEMPT = "spark.deltascape.test.fail-first-attempt-of-partition";

  private final Broadcast<ShippedRun> run;
  private final Broadcast<MonteCarloJob> job;

  BlockTask(Broadcast<ShippedRun> run, Broadcast<MonteCarloJob> job) {
    this.run = run;
    this.job = job;
  }

  @Override
  public BlockSums apply(TaskContext context, Iterator<BlockRange> ranges) {
    if (context.attemptNumber() == 0 && SparkEnv.get() != null
        && SparkEnv.get().conf().getInt(FAIL_FIRST_ATTEMPT, -1) == context.partitionId()) {
      throw new IllegalStateException("the first attempt of partition " + context.partitionId()
          + " fails, as " + FAIL_FIRST_ATTEMPT + " asks");
    }
    // every task, not once per JVM: ThreadPolicy.current() reads 1 on a fresh executor JVM before
    // anything was applied, while ND4J's own default there is one thread per core
    ThreadPolicy.apply(1);
    BlockComputer computer = MonteCarloWorker.computer(
        run.value().local(Path.of(SparkFiles.getRootDirectory()),
            name -> new File(SparkFiles.get(name)).toPath()),
        job.value());
    List<Map<String, PartialSums>> blocks = new ArrayList<>();
    while (ranges.hasNext()) {
      BlockRange range = ranges.next();
      for (int block = range.from(); block < range.to(); block++) {
        try {
          blocks.addAll(computer.compute(block, block + 1));
        } catch (DeltascapeException e) {
          return BlockSums.of(blocks, BlockSums.Fault.of(e));
        }
      }
    }
    return BlockSums.of(blocks, null);
  }
}
