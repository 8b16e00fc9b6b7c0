package org.deltascape.spark;

import java.io.File;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.deltascape.api.DeltascapeException;
import org.deltascape.launcher.engine.MemoryJournal;
import org.deltascape.launcher.engine.MonteCarloWorker;
import org.deltascape.launcher.engine.RunDescription;
import org.deltascape.launcher.engine.RunResult;
import org.deltascape.launcher.engine.ThreadPolicy;
import scala.Function2;
import scala.collection.Iterator;

/**
 * One Spark task of whole points: on an executor, ND4J pinned to one thread (Spark supplies the
 * parallelism, one task per core), the run rebuilt from the broadcast run by the launcher's
 * {@link MonteCarloWorker}, the prepared fits and directions restored from the broadcast journal
 * (its own copy: a fit that no other point shares is trained here and kept in it), and the task's
 * points run one after another with the single-JVM engine. A point depends only on the run and
 * the prepared journal, so a retried or speculative attempt returns the same bits.
 */
final class PointTask implements Function2<TaskContext, Iterator<PointSlice>, byte[]>, Serializable {

  private static final long serialVersionUID = 1L;

  private final Broadcast<ShippedRun> run;
  private final Broadcast<byte[]> prepared;

  PointTask(Broadcast<ShippedRun> run, Broadcast<byte[]> prepared) {
    this.run = run;
    this.prepared = prepared;
  }

  @Override
  public byte[] apply(TaskContext context, Iterator<PointSlice> slices) {
    if (context.attemptNumber() == 0 && SparkEnv.get() != null
        && SparkEnv.get().conf().getInt(BlockTask.FAIL_FIRST_ATTEMPT, -1) == context.partitionId()) {
      throw new IllegalStateException("the first attempt of partition " + context.partitionId()
          + " fails, as " + BlockTask.FAIL_FIRST_ATTEMPT + " asks");
    }
    ThreadPolicy.apply(1); // every task: see BlockTask
    RunDescription local = run.value().local(Path.of(SparkFiles.getRootDirectory()),
        name -> new File(SparkFiles.get(name)).toPath());
    MemoryJournal journal = JavaBytes.read(prepared.value(), MemoryJournal.class);
    List<RunResult> results = new ArrayList<>();
    while (slices.hasNext()) {
      PointSlice slice = slices.next();
      int before = results.size();
      try {
        MonteCarloWorker.points(local, slice.indices(), slice.configSha256(), journal,
            (result, index) -> results.add(result));
      } catch (DeltascapeException e) {
        int failed = slice.indices().get(results.size() - before);
        return JavaBytes.write(new PointsDone(results, failed, BlockSums.Fault.of(e)));
      }
    }
    return JavaBytes.write(new PointsDone(results, -1, null));
  }
}
