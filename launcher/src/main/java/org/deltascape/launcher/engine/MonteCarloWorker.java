package org.deltascape.launcher.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.deltascape.api.Dataset;
import org.deltascape.api.DatasetContext;
import org.deltascape.api.DatasetProvider;
import org.deltascape.api.DeltaEstimator;
import org.deltascape.api.Estimator;
import org.deltascape.api.EstimatorInput;
import org.deltascape.api.Model;
import org.deltascape.api.ModelContext;
import org.deltascape.api.ModelProvider;
import org.deltascape.api.Progress;
import org.deltascape.api.Sampler;
import org.deltascape.launcher.config.ConfigLoader;
import org.deltascape.launcher.config.ExperimentConfig;
import org.deltascape.launcher.config.YamlReader;
import org.deltascape.launcher.discovery.PluginCatalog;
import org.deltascape.launcher.discovery.PluginRegistry;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Rebuilds, in any JVM, what a Monte Carlo job's blocks need, from the run's description and the
 * job alone: the plugins, the point's config, the dataset in its fixed order, the model, the data
 * orders, the sampler and the estimators that take loss samples, prepared by {@link SpacePass}
 * exactly as the experiment prepares them, so that every block's sums are bit-identical to the
 * experiment's own.
 *
 * <p>Each thread keeps the computer of its last job, so that the tasks of one job that land on
 * the same executor thread load the dataset once. Computers are not shared between threads.
 */
public final class MonteCarloWorker {

  private static final ThreadLocal<Map.Entry<String, BlockComputer>> LAST = new ThreadLocal<>();

  private MonteCarloWorker() {}

  /**
   * The computer of a job of the run {@code run}, loading its plugins (the class path's and the
   * run's plugin folders) and its dataset; the last one built on this thread is reused.
   */
  public static BlockComputer computer(RunDescription run, MonteCarloJob job) {
    String key = run.hashCode() + "|" + run + "|" + job.point() + "|" + job.space() + "|"
        + java.util.Arrays.hashCode(job.weights()) + "|" + java.util.Arrays.hashCode(job.basis());
    Map.Entry<String, BlockComputer> last = LAST.get();
    if (last != null && last.getKey().equals(key)) {
      return last.getValue();
    }
    LAST.remove(); // let the previous job's data go before loading the next
    List<Path> folders = new ArrayList<>();
    run.pluginFolders().forEach(folder -> folders.add(Path.of(folder)));
    ConfigLoader.Loaded loaded = ConfigLoader.load(
        PluginCatalog.classpath(MonteCarloWorker.class.getClassLoader()),
        YamlReader.read(run.configJson(), "the run's config"), run.defaultName(),
        run.configFile() == null ? null : Path.of(run.configFile()), folders);
    if (job.point() >= loaded.plan().points().size()) {
      throw new IllegalArgumentException("the run has " + loaded.plan().points().size()
          + " points, not " + (job.point() + 1));
    }
    BlockComputer computer =
        computer(loaded.registry(), loaded.plan().points().get(job.point()).config(), job);
    LAST.set(Map.entry(key, computer));
    return computer;
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
