package org.deltascape.spark;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Records, for tests, every task of the Monte Carlo jobs (and of the jobs of whole points) that
 * Spark ran: registered by name with
 * {@code spark.extraListeners} in an engine's {@code conf}, as a user would register their own.
 * Spark delivers listener events on its own thread and drains them when the context stops, which
 * the engine does before a run returns.
 */
public final class MonteCarloTaskListener extends SparkListener {

  /**
   * One finished task.
   *
   * @param job the job's description ("Monte Carlo in space hessian of point 0", "Points of the
   *     sweep (8 points in 2 tasks)")
   * @param partition the task's partition
   * @param attempt the attempt number (0 for the first)
   * @param successful whether the attempt succeeded
   * @param executor the id of the executor that ran it
   */
  public record Task(String job, int partition, int attempt, boolean successful, String executor) {}

  /** Every task seen since the last {@link #reset()}, in the order Spark reported them. */
  public static final List<Task> TASKS = new CopyOnWriteArrayList<>();

  private final Map<Integer, String> stageJobs = new ConcurrentHashMap<>();

  /** Forgets the tasks seen so far. */
  public static void reset() {
    TASKS.clear();
  }

  @Override
  public void onJobStart(SparkListenerJobStart jobStart) {
    String description = jobStart.properties() == null ? null
        : jobStart.properties().getProperty("spark.job.description");
    if (description != null
        && (description.startsWith("Monte Carlo") || description.startsWith("Points"))) {
      for (Object stage : CollectionConverters.asJava(jobStart.stageIds())) {
        stageJobs.put((Integer) stage, description);
      }
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    String job = stageJobs.get(taskEnd.stageId());
    if (job != null) {
      TASKS.add(new Task(job, taskEnd.taskInfo().partitionId(), taskEnd.taskInfo().attemptNumber(),
          taskEnd.taskInfo().successful(), taskEnd.taskInfo().executorId()));
    }
  }
}
