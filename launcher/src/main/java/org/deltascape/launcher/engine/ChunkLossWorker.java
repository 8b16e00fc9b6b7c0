package org.deltascape.launcher.engine;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.deltascape.api.Batch;
import org.deltascape.api.Dataset;
import org.deltascape.api.DatasetContext;
import org.deltascape.api.DatasetProvider;
import org.deltascape.api.Model;
import org.deltascape.api.ModelContext;
import org.deltascape.api.ModelProvider;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Sampler;
import org.deltascape.api.SubspaceModel;
import org.deltascape.api.ThetaSampler;
import org.deltascape.launcher.config.ConfigLoader;
import org.deltascape.launcher.config.ExperimentConfig;
import org.deltascape.launcher.discovery.PluginRegistry;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The worker side of a pass split by data ({@link MonteCarloWorker#chunkLosses}): a job's losses on
 * single chunks, rebuilt from the run's description and the job alone — the point's config and
 * dataset, the model restricted to the job's w* and P, the θ stream — as {@link SpacePass} builds
 * them, so that a chunk's losses are those of the experiment's own chunk loop, bit for bit.
 *
 * <p>What a split by data is for is a large N, so the data are loaded once per JVM rather than
 * once per thread: the last point's dataset, and the chunks materialised so far, are shared by the
 * JVM's threads (a dataset is thread-safe; a chunk is only read). Each thread keeps the computer of
 * its last job (its own model and buffers; models are not thread-safe).
 */
final class ChunkLossWorker {

  /**
   * A point's data as this JVM loaded them.
   *
   * @param key the run and point they belong to (null when built from a bound config)
   * @param chunkBatches the chunks materialised so far, by index
   */
  private record PointData(JobKey.PointKey key, PluginRegistry registry, ExperimentConfig config,
      Dataset train, DataType type, Map<Integer, Batch> chunkBatches) {

    int chunks() {
      return (train.size() + Experiment.CHUNK - 1) / Experiment.CHUNK;
    }

    /** Chunk {@code c} as {@link DataChunks} cuts it: the same {@code batch} call. */
    Batch chunk(int c) {
      return chunkBatches.computeIfAbsent(c, index -> {
        int from = index * Experiment.CHUNK;
        return train.batch(from, Math.min(train.size(), from + Experiment.CHUNK), type);
      });
    }
  }

  private static final ThreadLocal<Map.Entry<JobKey, ChunkLossComputer>> LAST = new ThreadLocal<>();

  private static PointData lastPoint; // guarded by ChunkLossWorker.class

  private ChunkLossWorker() {}

  static ChunkLossComputer computer(RunDescription run, MonteCarloJob job) {
    Objects.requireNonNull(job, "job");
    JobKey key = new JobKey(run, job);
    Map.Entry<JobKey, ChunkLossComputer> last = LAST.get();
    if (last != null && last.getKey().equals(key)) {
      return last.getValue();
    }
    LAST.remove(); // let the previous job's model go before building the next
    ChunkLossComputer computer = computer(point(run, job.point(), key.point()), job);
    LAST.set(Map.entry(key, computer));
    return computer;
  }

  static ChunkLossComputer computer(PluginRegistry registry, ExperimentConfig config,
      MonteCarloJob job) {
    Objects.requireNonNull(job, "job");
    return computer(load(null, registry, config), job);
  }

  /** The data of point {@code point} of {@code run}, loaded once per JVM and point. */
  private static synchronized PointData point(RunDescription run, int point, JobKey.PointKey key) {
    if (lastPoint != null && lastPoint.key().equals(key)) {
      return lastPoint;
    }
    lastPoint = null; // let the previous point's data go before loading the next
    ConfigLoader.Loaded loaded = MonteCarloWorker.load(run);
    lastPoint = load(key, loaded.registry(), MonteCarloWorker.point(loaded, point));
    return lastPoint;
  }

  private static PointData load(JobKey.PointKey key, PluginRegistry registry, ExperimentConfig config) {
    Dataset train = registry.require(DatasetProvider.class, config.dataset().id())
        .load(config.dataset().settings(), new DatasetContext(config.seeds().order(),
            Progress.silent())).train();
    DataType type = "float".equals(config.precision()) ? DataType.FLOAT : DataType.DOUBLE;
    return new PointData(key, registry, config, train, type, new ConcurrentHashMap<>());
  }

  private static ChunkLossComputer computer(PointData data, MonteCarloJob job) {
    ExperimentConfig config = data.config();
    Model model = data.registry().require(ModelProvider.class, config.model().id())
        .create(config.model().settings(), ModelContext.of(data.train(), data.type()));
    if (model.parameterCount() != job.weights().length) {
      throw new IllegalArgumentException("the job's w* has " + job.weights().length
          + " values but the model has " + model.parameterCount() + " parameters");
    }
    ThetaSampler sampler = data.registry().require(Sampler.class, config.sampler().id())
        .create(config.sampler().settings(), job.dimension());
    RandomKey key = SpacePass.thetaKey(config, job.space());
    SubspaceModel subspace = model.restrict(SpacePass.weights(job), SpacePass.basis(job));
    MonteCarloPass.Compat compat =
        config.paperCompat() ? new MonteCarloPass.Compat(config.seeds().order()) : null;
    int chunks = data.chunks();
    return (chunk, fromBlock, toBlock) -> {
      if (chunk < 0 || chunk >= chunks) {
        throw new IllegalArgumentException("chunk " + chunk + " is beyond the " + chunks
            + " chunks of " + data.train().size() + " examples");
      }
      return ChunkedLosses.onChunk(subspace, sampler, key, job.samples(), compat,
          data.chunk(chunk), fromBlock, toBlock);
    };
  }
}
