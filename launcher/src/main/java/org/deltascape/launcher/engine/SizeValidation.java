package org.deltascape.launcher.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.deltascape.api.DatasetContext;
import org.deltascape.api.DatasetProvider;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.LoadedData;
import org.deltascape.api.Model;
import org.deltascape.api.ModelContext;
import org.deltascape.api.ModelProvider;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
import org.deltascape.launcher.config.ExperimentConfig;
import org.deltascape.launcher.discovery.PluginRegistry;
import org.deltascape.models.training.Trainer;
import org.deltascape.models.training.TrainingPlan;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Does K(ε) mean anything? Trains fresh models, as the run trained w*, on the first n examples of
 * the run's first data order for n ∈ {K/4, K/2, K, 2K, N} (K = K(ε) in examples), each from R
 * training seeds, and scores them on the held-out test split: the user sees whether the
 * landscape's stabilisation coincides with the flattening of test performance.
 */
public final class SizeValidation {

  /**
   * One trained model.
   *
   * @param examples n, the training examples
   * @param replicate r, which training seed
   * @param train the model's score on its own n training examples
   * @param test its score on the test split
   */
  public record Trial(int examples, int replicate, ModelScore train, ModelScore test) {}

  private final PluginRegistry registry;
  private final Progress progress;

  public SizeValidation(PluginRegistry registry, Progress progress) {
    this.registry = registry;
    this.progress = progress;
  }

  /** The sizes n for a K(ε) of {@code k} examples out of N: K/4, K/2, K, 2K, N (distinct, ≥ 2). */
  public static List<Integer> sizes(int k, int n) {
    TreeSet<Integer> sizes = new TreeSet<>();
    for (int size : new int[] {k / 4, k / 2, k, 2 * k, n}) {
      sizes.add(Math.max(2, Math.min(n, size)));
    }
    return List.copyOf(sizes);
  }

  /** Trains and scores R models at each size. */
  public List<Trial> run(ExperimentConfig config, List<Integer> sizes, int replicates) {
    LoadedData loaded = registry.require(DatasetProvider.class, config.dataset().id())
        .load(config.dataset().settings(), new DatasetContext(config.seeds().order(), progress));
    if (loaded.test() == null) {
      throw new DeltascapeException("the dataset " + loaded.train().name() + " has no test split",
          "validate-size", "Use a dataset with a held-out split (for csv: test-fraction or test-path)");
    }
    DataType type = "float".equals(config.precision()) ? DataType.FLOAT : DataType.DOUBLE;
    int[] order = config.paperCompat() ? DataOrders.identity(loaded.train().size()).orders()[0]
        : DataOrders.generate(config.seeds().order(), 1, loaded.train().size()).orders()[0];
    Settings section = config.training();
    TrainingPlan plan = TrainingPlan.of(section.string("optimizer"), section.real("learning-rate"),
            section.integer("epochs"), section.integer("batch-size"))
        .withMomentum(section.real("momentum"))
        .withWeightDecay(section.real("weight-decay"));
    DataChunks test = new DataChunks(loaded.test(), type, Experiment.CHUNK);
    List<Trial> trials = new ArrayList<>();
    try (Progress.Task task = progress.start("validate-size", (long) sizes.size() * replicates, "models")) {
      for (int n : sizes) {
        SubsetDataset subset = new SubsetDataset(loaded.train(), Arrays.copyOf(order, n));
        DataChunks own = new DataChunks(subset, type, Experiment.CHUNK);
        for (int r = 0; r < replicates; r++) {
          Model model = registry.require(ModelProvider.class, config.model().id())
              .create(config.model().settings(), ModelContext.of(subset, type));
          var weights = new Trainer(config.model().id()).train(model, subset, plan,
              new RandomKey(config.seeds().training(), "validate-size/replicate-" + r, 0),
              Progress.silent()).weights();
          trials.add(new Trial(n, r, ModelScore.of(model, weights, own, subset.targetKind()),
              ModelScore.of(model, weights, test, loaded.test().targetKind())));
          task.advance(1);
        }
      }
    }
    return trials;
  }
}
