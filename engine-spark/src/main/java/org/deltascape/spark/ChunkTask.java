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
import org.deltascape.launcher.engine.ChunkLossComputer;
import org.deltascape.launcher.engine.MonteCarloJob;
import org.deltascape.launcher.engine.MonteCarloWorker;
import org.deltascape.launcher.engine.ThreadPolicy;
import scala.Function2;
import scala.collection.Iterator;

/**
 * One Spark task of a pass split by data: on an executor, ND4J pinned to one thread, the job's
 * losses rebuilt from the broadcast run and job by the launcher's {@link MonteCarloWorker} (the
 * dataset once per executor JVM and point, the model once per thread and job), and the losses of
 * the task's blocks evaluated on each of its chunks. A chunk's losses depend only on the run, w*,
 * P, the chunk and the block indices, so a retried or speculative attempt returns the same bits.
 */
final class ChunkTask
    implements Function2<TaskContext, Iterator<ChunkRange>, ChunkLosses>, Serializable {

  private static final long serialVersionUID = 1L;

  private final Broadcast<ShippedRun> run;
  private final Broadcast<MonteCarloJob> job;

  ChunkTask(Broadcast<ShippedRun> run, Broadcast<MonteCarloJob> job) {
    this.run = run;
    this.job = job;
  }

  @Override
  public ChunkLosses apply(TaskContext context, Iterator<ChunkRange> ranges) {
    if (context.attemptNumber() == 0 && SparkEnv.get() != null
        && SparkEnv.get().conf().getInt(BlockTask.FAIL_FIRST_ATTEMPT, -1) == context.partitionId()) {
      throw new IllegalStateException("the first attempt of partition " + context.partitionId()
          + " fails, as " + BlockTask.FAIL_FIRST_ATTEMPT + " asks");
    }
    ThreadPolicy.apply(1); // every task: see BlockTask
    ChunkLossComputer computer = MonteCarloWorker.chunkLosses(
        run.value().local(Path.of(SparkFiles.getRootDirectory()),
            name -> new File(SparkFiles.get(name)).toPath()),
        job.value());
    List<ChunkLosses.Chunk> chunks = new ArrayList<>();
    while (ranges.hasNext()) {
      ChunkRange range = ranges.next();
      for (int chunk = range.fromChunk(); chunk < range.toChunk(); chunk++) {
        chunks.add(new ChunkLosses.Chunk(chunk,
            computer.compute(chunk, range.fromBlock(), range.toBlock())));
      }
    }
    return new ChunkLosses(chunks);
  }
}
