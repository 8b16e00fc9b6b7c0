package org.deltascape.launcher.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Progress;
import org.deltascape.launcher.Console;
import org.deltascape.launcher.config.ExperimentConfig;
import org.deltascape.launcher.config.ExperimentConfigBinder;
import org.deltascape.launcher.config.YamlReader;
import org.deltascape.launcher.discovery.PluginCatalog;
import org.deltascape.launcher.discovery.PluginRegistry;
import org.deltascape.launcher.engine.SizeValidation;
import org.deltascape.launcher.output.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Parameters;

/**
 * {@code deltascape validate-size RUN_DIR}: trains fresh models on the first n examples for n ∈
 * {K/4, K/2, K, 2K, N} and reports their test loss and accuracy with the spread over replicates,
 * into {@code validation.csv} and a table.
 */
@Command(name = "validate-size",
    description = "Check K(ε) against test performance: train fresh models on K/4, K/2, K, 2K and N examples.")
public final class ValidateSizeCommand implements Callable<Integer> {

  static final String NOT_REACHED =
      "K(ε) was not reached in space %s by estimator %s (Δ_K ≥ ε), so there is no size to check";

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder (with summary.json).")
  Path folder;

  @Option(names = "--space", description = "The space whose K(ε) to check (default: the first).")
  String space;

  @Option(names = "--estimator", description = "The estimator whose K(ε) to check (default: monte-carlo, else the first).")
  String estimator;

  @Option(names = "--replicates", defaultValue = "3", description = "Training seeds per size (default ${DEFAULT-VALUE}).")
  int replicates;

  @Option(names = "--plugins", paramLabel = "DIR", description = "A folder of plugin jars (repeatable).")
  List<Path> pluginFolders = new ArrayList<>();

  @Mixin ThreadsOption threads;

  @Spec CommandSpec spec;

  private final PluginCatalog catalog;
  private final Progress progress;
  private final Console console;

  @Inject
  ValidateSizeCommand(PluginCatalog catalog, Progress progress, Console console) {
    this.catalog = catalog;
    this.progress = progress;
    this.console = console;
  }

  @Override
  public Integer call() throws IOException {
    Path summaryFile = folder.resolve("summary.json");
    if (!Files.exists(summaryFile)) {
      throw new DeltascapeException("no summary.json in the run folder", folder.toString(),
          "Give the folder of a finished run (deltascape run writes it)");
    }
    JsonNode summary = new ObjectMapper().readTree(summaryFile.toFile());
    if (summary.has("sweep")) {
      throw new DeltascapeException("validate-size checks one experiment, and this is a sweep",
          summaryFile.toString(), "Run the sweep point you want to check as an experiment of its own");
    }
    PluginRegistry registry = catalog.registry(pluginFolders);
    ExperimentConfig config = new ExperimentConfigBinder(registry).bind(
        YamlReader.read(summary.path("provenance").path("config").toString(),
            summaryFile + " (provenance.config)"), "run");
    String chosenSpace = space != null ? space : config.spaces().get(0).name();
    JsonNode sizes = summary.path("sufficient").path(chosenSpace);
    String chosenEstimator = estimator != null ? estimator
        : sizes.has("monte-carlo") ? "monte-carlo" : sizes.fieldNames().hasNext() ? sizes.fieldNames().next() : "?";
    JsonNode size = sizes.path(chosenEstimator);
    if (size.isMissingNode()) {
      throw new DeltascapeException("the run has no K(ε) for space " + chosenSpace + " and estimator "
          + chosenEstimator, summaryFile.toString(), "Choose them with --space and --estimator");
    }
    if (size.path("examples").isNull()) {
      throw new DeltascapeException(String.format(Locale.ROOT, NOT_REACHED, chosenSpace, chosenEstimator),
          summaryFile.toString(), "Lower the threshold or use more data");
    }
    int k = size.path("examples").asInt();
    int n = summary.path("data").path("examples").asInt();
    threads.apply(spec.commandLine());
    List<Integer> checked = SizeValidation.sizes(k, n);
    List<SizeValidation.Trial> trials = new SizeValidation(registry, progress).run(config, checked,
        Math.max(1, replicates));
    write(folder.resolve("validation.csv"), trials);
    print(trials, checked, k, chosenSpace, chosenEstimator);
    return 0;
  }

  private static void write(Path file, List<SizeValidation.Trial> trials) {
    AtomicFiles.write(file, out -> {
      CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
          CSVFormat.DEFAULT.builder().setHeader("examples", "replicate", "train_loss",
              "train_accuracy", "test_loss", "test_accuracy").setRecordSeparator('\n').get());
      for (SizeValidation.Trial trial : trials) {
        csv.printRecord(trial.examples(), trial.replicate(), trial.train().loss(),
            trial.train().accuracy(), trial.test().loss(), trial.test().accuracy());
      }
      csv.flush();
    });
  }

  private void print(List<SizeValidation.Trial> trials, List<Integer> sizes, int k, String space,
      String estimatorId) {
    var out = console.out();
    out.printf(Locale.ROOT, "K(ε) = %d examples (space %s, estimator %s); fresh models on the first n"
        + " examples of the run's first data order:%n", k, space, estimatorId);
    out.printf(Locale.ROOT, "  %8s  %-22s %-22s%n", "n", "test loss (mean ± sd)", "test accuracy");
    for (int n : sizes) {
      double[] loss = trials.stream().filter(t -> t.examples() == n).mapToDouble(t -> t.test().loss()).toArray();
      double[] accuracy = trials.stream().filter(t -> t.examples() == n)
          .mapToDouble(t -> t.test().accuracy()).toArray();
      out.printf(Locale.ROOT, "  %8d  %-22s %-22s%s%n", n, meanSd(loss), meanSd(accuracy),
          n == k ? "  ← K(ε)" : "");
    }
    out.println("trials in " + folder.resolve("validation.csv").toAbsolutePath().normalize());
  }

  private static String meanSd(double[] values) {
    double mean = java.util.Arrays.stream(values).average().orElse(Double.NaN);
    double ss = 0;
    for (double value : values) {
      ss += (value - mean) * (value - mean);
    }
    double sd = values.length > 1 ? Math.sqrt(ss / (values.length - 1)) : Double.NaN;
    return String.format(Locale.ROOT, "%.4f ± %.4f", mean, sd);
  }
}
