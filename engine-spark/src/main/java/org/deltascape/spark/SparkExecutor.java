package org.deltascape.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.RDD;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.PartialSums;
import org.deltascape.api.Progress;
import org.deltascape.launcher.config.SweepPlan;
import org.deltascape.launcher.engine.BlockComputer;
import org.deltascape.launcher.engine.LossSource;
import org.deltascape.launcher.engine.MemoryJournal;
import org.deltascape.launcher.engine.MonteCarloExecutor;
import org.deltascape.launcher.engine.MonteCarloJob;
import org.deltascape.launcher.engine.PointRunner;
import org.deltascape.launcher.engine.RunDescription;
import org.deltascape.launcher.engine.RunResult;
import org.deltascape.launcher.engine.ThreadPolicy;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.BoxedUnit;

/**
 * The executor of the {@code spark} engine for one run: a Spark context of its own, the run
 * broadcast once (config and shipped plugin jars), and per Monte Carlo pass one Spark job whose
 * tasks each compute a contiguous range of blocks from the broadcast job (w*, P). The driver keeps
 * each task's blocks by partition and returns them in block order; the experiment folds them in
 * index order as the single-JVM engine does, so Δ_k is bit-identical to a single-JVM run with one
 * ND4J thread, whatever the partitions.
 *
 * <p>With whole points ({@code distribute: points}, or {@code auto} for a sweep of at least as
 * many points as partitions), one Spark job runs every point of the plan: the points dealt to the
 * partitions in turn, the journal of fits and directions the driver prepared broadcast, each task
 * running its points with the single-JVM engine ({@link PointTask}) and sending their results
 * back, which the driver puts in point order.
 *
 * <p>By data ({@code distribute: data}), each pass's losses come from Spark jobs that each
 * evaluate a group of blocks on the data's chunks ({@link SparkLossSource}), and the driver
 * accumulates the blocks itself.
 */
final class SparkExecutor implements MonteCarloExecutor {

  /** No master from the config nor from spark-submit. */
  static final String NO_MASTER = "the spark engine has no master";

  /** What to do without a master. */
  static final String NO_MASTER_FIX = "Set engine.master (local[2] runs on this machine's cores),"
      + " or submit with ./deltascape-spark-submit --master URL";

  /** The config's master and spark-submit's differ. */
  static final String TWO_MASTERS = "engine.master is %s but spark-submit's --master is %s";

  /** Spark refused to start. */
  static final String NO_START = "Spark could not start with master %s: %s";

  private final SparkContext spark;
  private final int partitions;
  private final Broadcast<ShippedRun> run;
  private final Path staging;
  private final String distribute;
  private final Map<String, Object> description;
  private final boolean byData; // distribute: data
  private String distributed;
  private SparkLossSource dataPass; // by data: the source of the pass in progress

  private SparkExecutor(SparkContext spark, int partitions, String distribute,
      Broadcast<ShippedRun> run, Path staging) {
    this.byData = "data".equals(distribute);
    this.distributed = byData ? "data" : "blocks";
    this.spark = spark;
    this.partitions = partitions;
    this.distribute = distribute;
    this.run = run;
    this.staging = staging;
    Map<String, Object> describe = new LinkedHashMap<>();
    describe.put("id", "spark");
    describe.put("master", spark.master());
    describe.put("partitions", partitions);
    describe.put("spark_version", spark.version());
    describe.put("application_id", spark.applicationId());
    describe.put("task_nd4j_threads", 1);
    this.description = Collections.unmodifiableMap(describe);
  }

  /** Starts a Spark context for {@code run} and ships the run to it. */
  static SparkExecutor start(SparkEngineProvider.SparkEngineSettings settings, RunDescription run) {
    SparkConf conf = new SparkConf(); // with spark-submit's settings (spark.* system properties)
    String submitted = conf.contains("spark.master") ? conf.get("spark.master") : null;
    String master = settings.master() != null ? settings.master() : submitted;
    String where = settings.origins().getOrDefault("master", "engine spark");
    if (master == null) {
      throw new DeltascapeException(NO_MASTER, "engine spark", NO_MASTER_FIX);
    }
    if (settings.master() != null && submitted != null && !settings.master().equals(submitted)) {
      throw new DeltascapeException(String.format(java.util.Locale.ROOT, TWO_MASTERS,
          settings.master(), submitted), where,
          "Drop engine.master from the config when you submit with spark-submit, or make the two equal");
    }
    conf.setMaster(master);
    settings.conf().forEach(conf::set);
    conf.setIfMissing("spark.app.name", "deltascape " + name(run));
    conf.setIfMissing("spark.ui.showConsoleProgress", "false"); // the launcher shows its own
    conf.setIfMissing("spark.executorEnv.OMP_NUM_THREADS", "1");
    if (master.startsWith("local")) { // in-process: nothing needs to reach this JVM from outside
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    SparkContext spark;
    try {
      spark = new SparkContext(conf);
    } catch (Exception | ExceptionInInitializerError e) { // Scala throws SparkException unchecked
      throw new DeltascapeException(String.format(java.util.Locale.ROOT, NO_START, master,
          rootMessage(e)), where, "Check engine.master and engine.conf (or spark-submit's options)", e);
    }
    Path staging = null;
    try {
      staging = Files.createTempDirectory("deltascape-spark-plugins");
      ShippedRun shipped = ShippedRun.stage(run, UUID.randomUUID().toString(), staging);
      for (String name : shipped.shippedNames()) {
        spark.addFile(staging.resolve(name).toUri().toString());
      }
      int partitions = settings.partitions() > 0 ? settings.partitions() : spark.defaultParallelism();
      Broadcast<ShippedRun> broadcast = JavaSparkContext.fromSparkContext(spark).broadcast(shipped);
      return new SparkExecutor(spark, partitions, settings.distribute(), broadcast, staging);
    } catch (IOException | RuntimeException e) {
      spark.stop();
      delete(staging);
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new UncheckedIOException((IOException) e);
    }
  }

  @Override
  public List<Map<String, PartialSums>> run(MonteCarloJob job, int fromBlock, int toBlock,
      BlockComputer local, Progress.Task task) {
    if (byData) {
      return runByData(job, fromBlock, toBlock, local, task);
    }
    List<BlockRange> ranges = BlockRange.split(fromBlock, toBlock, partitions);
    BlockSums[] results = new BlockSums[ranges.size()];
    int threadsBefore = ThreadPolicy.current();
    JavaSparkContext java = JavaSparkContext.fromSparkContext(spark);
    Broadcast<MonteCarloJob> broadcast = java.broadcast(job);
    String label = "Monte Carlo in space " + job.space() + " of point " + job.point();
    try {
      spark.setJobDescription(label);
      RDD<BlockRange> rdd = java.parallelize(ranges, ranges.size()).rdd();
      ClassTag<BlockSums> tag = ClassTag$.MODULE$.apply(BlockSums.class);
      spark.runJob(rdd, new BlockTask(run, broadcast), (Object index, BlockSums sums) -> {
        int partition = (Integer) index;
        results[partition] = sums;
        BlockRange range = ranges.get(partition);
        long samples = 0;
        for (int block = range.from(); block < range.to(); block++) {
          samples += job.samplesIn(block);
        }
        task.advance(samples);
        return BoxedUnit.UNIT;
      }, tag);
    } catch (Exception e) { // Scala throws SparkException unchecked
      throw failure(label, e);
    } finally {
      spark.setJobDescription(null);
      broadcast.destroy();
      if (spark.isLocal() && ThreadPolicy.current() != threadsBefore) {
        ThreadPolicy.apply(threadsBefore); // local tasks ran in this JVM
      }
    }
    List<Map<String, PartialSums>> blocks = new ArrayList<>(toBlock - fromBlock);
    for (BlockSums sums : results) {
      blocks.addAll(sums.toBlocks());
      if (sums.fault() != null) {
        throw sums.fault().exception(); // the lowest failing block's, as in a single JVM
      }
    }
    return blocks;
  }

  /**
   * Split by data: the blocks accumulated here by {@code local} from the losses that {@link
   * #losses} supplies, one Spark job per group of blocks within the memory budget.
   */
  private List<Map<String, PartialSums>> runByData(MonteCarloJob job, int fromBlock, int toBlock,
      BlockComputer local, Progress.Task task) {
    int step = dataPass != null && dataPass.job() == job ? dataPass.blocksPerJob()
        : toBlock - fromBlock;
    List<Map<String, PartialSums>> blocks = new ArrayList<>(toBlock - fromBlock);
    for (int from = fromBlock; from < toBlock; from += step) {
      int to = Math.min(toBlock, from + step);
      blocks.addAll(local.compute(from, to));
      long samples = 0;
      for (int block = from; block < to; block++) {
        samples += job.samplesIn(block);
      }
      task.advance(samples);
    }
    return blocks;
  }

  @Override
  public LossSource losses(MonteCarloJob job, LossSource local) {
    if (!byData) {
      return local;
    }
    dataPass = new SparkLossSource(spark, run, partitions, job, local,
        SparkLossSource.budget(spark));
    return dataPass;
  }

  /**
   * Whole points when the section asks for them, or, with {@code auto}, when the plan has at
   * least as many points as there are partitions (every task gets a point; with fewer points
   * than partitions, splitting each pass's blocks keeps more cores busy).
   */
  @Override
  public Optional<PointRunner> points(SweepPlan plan) {
    boolean whole = wholePoints(distribute, plan.points().size(), partitions);
    distributed = whole ? "points" : byData ? "data" : "blocks";
    return whole ? Optional.of(this::runPoints) : Optional.empty();
  }

  /**
   * Whether tasks run whole points of a plan of {@code points} points (more than one).
   *
   * @param distribute the section's {@code distribute}: blocks, points, data or auto
   */
  static boolean wholePoints(String distribute, int points, int partitions) {
    return switch (distribute) {
      case "points" -> true;
      case "blocks", "data" -> false;
      default -> points >= partitions;
    };
  }

  private List<RunResult> runPoints(SweepPlan plan, List<Integer> indices, MemoryJournal prepared,
      Progress.Task task) {
    List<PointSlice> slices = PointSlice.deal(plan, indices, partitions);
    byte[][] outcomes = new byte[slices.size()][];
    int threadsBefore = ThreadPolicy.current();
    JavaSparkContext java = JavaSparkContext.fromSparkContext(spark);
    Broadcast<byte[]> journal = java.broadcast(JavaBytes.write(prepared));
    String label = "Points of the sweep (" + indices.size() + " points in " + slices.size()
        + " tasks)";
    try {
      spark.setJobDescription(label);
      RDD<PointSlice> rdd = java.parallelize(slices, slices.size()).rdd();
      ClassTag<byte[]> tag = ClassTag$.MODULE$.apply(byte[].class);
      spark.runJob(rdd, new PointTask(run, journal), (Object index, byte[] bytes) -> {
        int partition = (Integer) index;
        outcomes[partition] = bytes;
        task.advance(slices.get(partition).indices().size());
        return BoxedUnit.UNIT;
      }, tag);
    } catch (Exception e) { // Scala throws SparkException unchecked
      throw failure(label, e);
    } finally {
      spark.setJobDescription(null);
      journal.destroy();
      if (spark.isLocal() && ThreadPolicy.current() != threadsBefore) {
        ThreadPolicy.apply(threadsBefore); // local tasks ran in this JVM
      }
    }
    List<PointsDone> done = new ArrayList<>();
    for (byte[] outcome : outcomes) {
      done.add(JavaBytes.read(outcome, PointsDone.class));
    }
    return PointsDone.inOrder(slices, done, indices);
  }

  @Override
  public int blocksPerCall() {
    return Integer.MAX_VALUE; // one Spark job per pass: every remaining block at once
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> describe = new LinkedHashMap<>(description);
    describe.put("distribute", distributed);
    describe.put("distribute_setting", distribute);
    if (byData) {
      describe.put("data_job_budget_bytes", SparkLossSource.budget(spark));
    }
    return Collections.unmodifiableMap(describe);
  }

  @Override
  public void close() {
    try {
      run.destroy();
    } finally {
      spark.stop();
      delete(staging);
    }
  }

  /** A task's failure as the user sees it: the launcher's own error when a task threw one. */
  static RuntimeException failure(String label, Exception e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof DeltascapeException user) {
        return user;
      }
    }
    return new DeltascapeException("the Spark job of " + label + " failed: " + rootMessage(e),
        "engine spark", "See the Spark log of the failed task; a task that fails alike on every"
            + " attempt is not helped by retries", e);
  }

  /** The message of the innermost cause: what Spark or the task actually said. */
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.getClass().getName();
  }

  private static String name(RunDescription run) {
    try {
      return new ObjectMapper().readTree(run.configJson()).path("name").asText(run.defaultName());
    } catch (IOException e) {
      return run.defaultName();
    }
  }

  private static void delete(Path folder) {
    if (folder == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind costs nothing but space
    }
  }
}
