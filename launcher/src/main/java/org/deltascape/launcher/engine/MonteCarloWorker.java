package org.deltascape.launcher.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ObjIntConsumer;
import org.deltascape.api.Dataset;
import org.deltascape.api.DatasetContext;
import org.deltascape.api.DatasetProvider;
import org.deltascape.api.DeltaEstimator;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Estimator;
import org.deltascape.api.EstimatorInput;
import org.deltascape.api.Model;
import org.deltascape.api.ModelContext;
import org.deltascape.api.ModelProvider;
import org.deltascape.api.Progress;
import org.deltascape.api.Sampler;
import org.deltascape.launcher.config.ConfigLoader;
import org.deltascape.launcher.config.ExperimentConfig;
import org.deltascape.launcher.config.SweepPlan;
import org.deltascape.launcher.config.YamlReader;
import org.deltascape.launcher.discovery.PluginCatalog;
import org.deltascape.launcher.discovery.PluginRegistry;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Rebuilds, in any JVM, what a Monte Carlo job's blocks need (or runs whole points, see {@link
 * #points}), from the run's description and the
 * job alone: the plugins, the point's config, the dataset in its fixed order, the model, the data
 * orders, the sampler and the estimators that take loss samples, prepared by {@link SpacePass}
 * exactly as the experiment prepares them, so that every block's sums are bit-identical to the
 * experiment's own.
 *
 * <p>Each thread keeps the computer of its last job, so that the tasks of one job that land on
 * the same executor thread load the dataset once. Computers are not shared between threads.
 */
public final class MonteCarloWorker {

  private static final ThreadLocal<Map.Entry<JobKey, BlockComputer>> LAST = new ThreadLocal<>();

  /** A point whose config binds differently here than where it was sent from. */
  static final String OTHER_CONFIG = "the point binds to another config in this JVM than where it"
      + " was sent from (canonical config SHA-256 %s there, %s here)";

  /** What to do about it. */
  static final String OTHER_CONFIG_FIX = "Give every node the same deltascape and plugin jars";

  private MonteCarloWorker() {}

  /** The run's plugins, bound plan and registry, loaded from its description. */
  static ConfigLoader.Loaded load(RunDescription run) {
    List<Path> folders = new ArrayList<>();
    run.pluginFolders().forEach(folder -> folders.add(Path.of(folder)));
    return ConfigLoader.load(PluginCatalog.classpath(MonteCarloWorker.class.getClassLoader()),
        YamlReader.read(run.configJson(), "the run's config"), run.defaultName(),
        run.configFile() == null ? null : Path.of(run.configFile()), folders);
  }

  /** The config of point {@code point} of a loaded run, refusing a point the run does not have. */
  static ExperimentConfig point(ConfigLoader.Loaded loaded, int point) {
    if (point < 0 || point >= loaded.plan().points().size()) {
      throw new IllegalArgumentException("the run has " + loaded.plan().points().size()
          + " points, not " + (point + 1));
    }
    return loaded.plan().points().get(point).config();
  }

  /**
   * The computer of a job of the run {@code run}, loading its plugins (the class path's and the
   * run's plugin folders) and its dataset; the last one built on this thread is reused.
   */
  public static BlockComputer computer(RunDescription run, MonteCarloJob job) {
    JobKey key = new JobKey(run, job);
    Map.Entry<JobKey, BlockComputer> last = LAST.get();
    if (last != null && last.getKey().equals(key)) {
      return last.getValue();
    }
    LAST.remove(); // let the previous job's data go before loading the next
    ConfigLoader.Loaded loaded = load(run);
    BlockComputer computer = computer(loaded.registry(), point(loaded, job.point()), job);
    LAST.set(Map.entry(key, computer));
    return computer;
  }

  /**
   * Runs the points {@code indices} of the run {@code run} in this JVM, as {@link
   * Experiment#runPoints} runs them, loading its plugins (the class path's and the run's plugin
   * folders), with the fits and directions of {@code prepared} restored rather than computed again.
   * Each point's result is handed to {@code done} as soon as it is computed; a point that fails
   * ends the call.
   *
   * @param configSha256 per index, the SHA-256 of the point's canonical config on the side that
   *     sent the points: a point that binds to another config here (other plugin versions, other
   *     defaults) is refused before anything is computed
   * @param prepared read and, for the fits that are not in it, written: give each call its own
   */
  public static void points(RunDescription run, List<Integer> indices, List<String> configSha256,
      RunJournal prepared, ObjIntConsumer<RunResult> done) {
    if (configSha256.size() != indices.size()) {
      throw new IllegalArgumentException(indices.size() + " points but " + configSha256.size()
          + " config hashes");
    }
    ConfigLoader.Loaded loaded = load(run);
    SweepPlan plan = loaded.plan();
    for (int i = 0; i < indices.size(); i++) {
      int index = indices.get(i);
      String here = Provenance.sha256(point(loaded, index).canonical());
      if (!here.equals(configSha256.get(i))) {
        throw new DeltascapeException(String.format(java.util.Locale.ROOT, OTHER_CONFIG,
            configSha256.get(i), here), "point " + index, OTHER_CONFIG_FIX);
      }
    }
    new Experiment(loaded.registry(), Progress.silent())
        .runPoints(plan, indices, null, prepared, done);
  }

  /** The computer of a job of a point whose config is bound against {@code registry}. */
  public static BlockComputer computer(PluginRegistry registry, ExperimentConfig config,
      MonteCarloJob job) {
    Objects.requireNonNull(job, "job");
    Dataset train = registry.require(DatasetProvider.class, config.dataset().id())
        .load(config.dataset().settings(), new DatasetContext(config.seeds().order(),
            Progress.silent())).train();
    DataType type = "float".equals(config.precision()) ? DataType.FLOAT : DataType.DOUBLE;
    Model model = registry.require(ModelProvider.class, config.model().id())
        .create(config.model().settings(), ModelContext.of(train, type));
    if (model.parameterCount() != job.weights().length) {
      throw new IllegalArgumentException("the job's w* has " + job.weights().length
          + " values but the model has " + model.parameterCount() + " parameters");
    }
    DataChunks chunks = new DataChunks(train, type, Experiment.CHUNK);
    DataOrders orders = config.paperCompat() ? DataOrders.identity(train.size())
        : DataOrders.generate(config.seeds().order(), config.orders(), train.size());
    Map<String, Estimator> sampling = new LinkedHashMap<>();
    config.estimators().forEach(choice -> {
      Estimator estimator =
          registry.require(DeltaEstimator.class, choice.id()).create(choice.settings());
      if (estimator.inputs().contains(EstimatorInput.LOSS_SAMPLES)) {
        sampling.put(choice.id(), estimator);
      }
    });
    Sampler sampler = registry.require(Sampler.class, config.sampler().id());
    SpacePass pass = SpacePass.prepare(model, chunks, orders, config, job, sampling, sampler);
    return pass.blocks(chunks, job.samples(), job.space());
  }

  /**
   * The losses of a job of the run {@code run} on single data chunks (a task of a pass split by
   * data), loading its plugins and its dataset as {@link #computer(RunDescription, MonteCarloJob)}
   * does; the dataset is loaded once per JVM and point and shared by its threads, and the last
   * computer built on this thread is reused.
   */
  public static ChunkLossComputer chunkLosses(RunDescription run, MonteCarloJob job) {
    return ChunkLossWorker.computer(run, job);
  }

  /** The chunk losses of a job of a point whose config is bound against {@code registry}. */
  public static ChunkLossComputer chunkLosses(PluginRegistry registry, ExperimentConfig config,
      MonteCarloJob job) {
    return ChunkLossWorker.computer(registry, config, job);
  }
}
