package org.deltascape.launcher.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.deltascape.launcher.config.SweepPlan;
import org.deltascape.launcher.output.AtomicFiles;
import org.deltascape.launcher.output.RunWriter;
import org.deltascape.launcher.output.Spread;
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
 *
 * <p>{@code deltascape validate-size RUN_DIR} and a config's {@code validation:} block share all
 * of it: the {@link Target} read from the run's summary.json, the training, and the files written
 * ({@value #CSV}: one row per model; {@value #JSON}: what was checked, or why it was skipped). For
 * a run with replicates K is K(ε) of the replicate-averaged Δ_k curve and the models train as
 * replicate 0 did.
 */
public final class SizeValidation {

  /** One row per trained model. */
  public static final String CSV = "validation.csv";

  /** What was checked (space, estimator, ε, K, sizes, models per size), or why it was skipped. */
  public static final String JSON = "validation.json";

  /** The columns of {@value #CSV}. */
  public static final List<String> COLUMNS =
      List.of("examples", "replicate", "train_loss", "train_accuracy", "test_loss", "test_accuracy");

  /** K(ε) of the target was not reached: there is no size to check. */
  public static final String NOT_REACHED =
      "K(ε) was not reached in space %s by estimator %s (Δ_K ≥ ε), so there is no size to check";

  /** The run's data has no test split to score the models on. */
  public static final String NO_TEST_SPLIT = "the dataset %s has no test split to score the models on";

  /** A sweep has one K(ε) per point. */
  public static final String SWEEP =
      "validate-size checks one experiment (or its replicates), and this is a sweep";

  /** The space or estimator asked for has no K(ε) in the run. */
  public static final String NO_SIZE = "the run has no K(ε) for space %s and estimator %s";

  /**
   * What a validation checks, read from a run's summary.json.
   *
   * @param space the space whose K(ε) is checked
   * @param estimator the estimator whose K(ε) is checked
   * @param epsilon ε
   * @param examples K(ε) in examples (of the replicate-averaged curve for a run with replicates),
   *     or -1 when not reached
   * @param n N, the run's training examples
   * @param replicated whether the run has replicates
   * @param config the canonical config of the run (of its replicate 0), as summary.json holds it
   * @param skipped why there is nothing to check (K(ε) not reached, no test split), or null
   */
  public record Target(String space, String estimator, double epsilon, int examples, int n,
      boolean replicated, JsonNode config, String skipped) {}

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

  /**
   * The target of a validation of the run whose summary.json is {@code summary}.
   *
   * @param space the space, or null for the run's first
   * @param estimator the estimator, or null for monte-carlo when the run has it, else its first
   * @throws DeltascapeException for a sweep, or a space or estimator without a K(ε)
   */
  public static Target target(JsonNode summary, String source, String space, String estimator) {
    JsonNode experiment = summary;
    JsonNode sizes = summary.path("sufficient");
    boolean replicated = false;
    if (summary.has("sweep")) {
      JsonNode keys = summary.path("sweep").path("keys");
      if (!(keys.size() == 1 && SweepPlan.REPLICATE.equals(keys.get(0).asText()))) {
        throw new DeltascapeException(SWEEP, source,
            "Run the sweep point you want to check as an experiment of its own");
      }
      replicated = true;
      experiment = summary.path("points").path(0);
      sizes = summary.path("replicates").path("groups").path(0).path("sufficient");
    }
    String chosenSpace = space != null ? space
        : experiment.path("sufficient").fieldNames().hasNext()
            ? experiment.path("sufficient").fieldNames().next() : "?";
    JsonNode bySpace = sizes.path(chosenSpace);
    String chosenEstimator = estimator != null ? estimator
        : bySpace.has("monte-carlo") ? "monte-carlo"
        : bySpace.fieldNames().hasNext() ? bySpace.fieldNames().next() : "?";
    JsonNode size = bySpace.path(chosenEstimator);
    if (!size.isObject()) {
      throw new DeltascapeException(String.format(Locale.ROOT, NO_SIZE, chosenSpace, chosenEstimator),
          source, "Choose them with --space and --estimator");
    }
    JsonNode examples = replicated ? size.path("mean_curve").path("examples") : size.path("examples");
    JsonNode data = experiment.path("data");
    String skipped = null;
    if (!examples.canConvertToInt()) {
      skipped = String.format(Locale.ROOT, NOT_REACHED, chosenSpace, chosenEstimator);
    } else if (data.path("test_examples").asInt(0) == 0) {
      skipped = String.format(Locale.ROOT, NO_TEST_SPLIT, data.path("name").asText("?"));
    }
    return new Target(chosenSpace, chosenEstimator, size.path("epsilon").asDouble(Double.NaN),
        examples.canConvertToInt() ? examples.asInt() : -1, data.path("examples").asInt(),
        replicated, experiment.path("provenance").path("config"), skipped);
  }

  /**
   * Writes {@value #CSV} (one row per model) and {@value #JSON} (what was checked) into a run
   * folder, each atomically.
   */
  public static void write(Path folder, Target target, List<Integer> sizes, int replicates,
      List<Trial> trials) {
    AtomicFiles.write(folder.resolve(CSV), out -> {
      CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
          CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new))
              .setRecordSeparator('\n').get());
      for (Trial trial : trials) {
        csv.printRecord(trial.examples(), trial.replicate(), trial.train().loss(),
            trial.train().accuracy(), trial.test().loss(), trial.test().accuracy());
      }
      csv.flush();
    });
    Map<String, Object> record = record(target);
    record.put("sizes", sizes);
    record.put("replicates", replicates);
    record.put("training_seeds", "RandomKey(seeds.training, validate-size/replicate-r)");
    record.put("file", CSV);
    RunWriter.writeJson(folder.resolve(JSON), record);
  }

  /**
   * Records in {@value #JSON} why a run's validation was skipped, and removes a {@value #CSV}
   * an earlier validation of the folder left, which would no longer belong to the run.
   */
  public static void writeSkipped(Path folder, Target target) {
    Map<String, Object> record = record(target);
    record.put("skipped", target.skipped());
    try {
      Files.deleteIfExists(folder.resolve(CSV));
    } catch (IOException e) {
      throw new DeltascapeException("cannot remove the old " + CSV + ": " + e.getMessage(),
          folder.resolve(CSV).toString(), "Check the folder's permissions");
    }
    RunWriter.writeJson(folder.resolve(JSON), record);
  }

  private static Map<String, Object> record(Target target) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("space", target.space());
    record.put("estimator", target.estimator());
    record.put("epsilon", Double.isFinite(target.epsilon()) ? target.epsilon() : null);
    record.put("k_examples", target.examples() < 0 ? null : target.examples());
    record.put("examples", target.n());
    record.put("replicated_run", target.replicated());
    return record;
  }

  /** The table of test loss and accuracy (mean ± sd over the models) per size. */
  public static void print(PrintStream out, Target target, List<Integer> sizes, List<Trial> trials,
      Path csv) {
    out.printf(Locale.ROOT, "K(ε) = %d examples (space %s, estimator %s%s); fresh models on the"
        + " first n examples of the run's first data order:%n", target.examples(), target.space(),
        target.estimator(), target.replicated() ? ", replicate-averaged Δ_k" : "");
    out.printf(Locale.ROOT, "  %8s  %-22s %-22s%n", "n", "test loss (mean ± sd)", "test accuracy");
    for (int n : sizes) {
      double[] loss = trials.stream().filter(t -> t.examples() == n).mapToDouble(t -> t.test().loss()).toArray();
      double[] accuracy = trials.stream().filter(t -> t.examples() == n)
          .mapToDouble(t -> t.test().accuracy()).toArray();
      out.printf(Locale.ROOT, "  %8d  %-22s %-22s%s%n", n, meanSd(loss), meanSd(accuracy),
          n == target.examples() ? "  ← K(ε)" : "");
    }
    out.println("trials in " + csv.toAbsolutePath().normalize());
  }

  private static String meanSd(double[] values) {
    Spread spread = Spread.of(values);
    return String.format(Locale.ROOT, "%.4f ± %.4f", spread.mean(), spread.sd());
  }

  /**
   * A run's {@code validation:} block, after its results are written: reads the run's
   * summary.json, trains and scores the models and writes {@value #CSV} and {@value #JSON}, or,
   * when there is nothing to check, records why in {@value #JSON} and says so.
   *
   * @param config the config the models train with (the run's, or its replicate 0's)
   * @return the target checked (with {@link Target#skipped()} set when skipped)
   */
  public Target validateRun(Path folder, ExperimentConfig config, PrintStream out) {
    ExperimentConfig.ValidationSpec spec = config.validation();
    Path file = folder.resolve("summary.json");
    JsonNode summary;
    try {
      summary = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new DeltascapeException("cannot read " + e.getMessage(), file.toString(),
          "Check the run folder");
    }
    Target target = target(summary, file.toString(), spec.space(), spec.estimator());
    if (target.skipped() != null) {
      writeSkipped(folder, target);
      out.println("validation skipped: " + target.skipped() + ".");
      return target;
    }
    List<Integer> sizes = sizes(target.examples(), target.n());
    List<Trial> trials = run(config, sizes, spec.replicates());
    write(folder, target, sizes, spec.replicates(), trials);
    out.println();
    print(out, target, sizes, trials, folder.resolve(CSV));
    return target;
  }

  /** Trains and scores R models at each size. */
  public List<Trial> run(ExperimentConfig config, List<Integer> sizes, int replicates) {
    LoadedData loaded = registry.require(DatasetProvider.class, config.dataset().id())
        .load(config.dataset().settings(), new DatasetContext(config.seeds().order(), progress));
    if (loaded.test() == null) {
      throw new DeltascapeException(String.format(Locale.ROOT, NO_TEST_SPLIT, loaded.train().name()),
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
