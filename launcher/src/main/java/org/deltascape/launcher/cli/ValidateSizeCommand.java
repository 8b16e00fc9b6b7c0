package org.deltascape.launcher.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Progress;
import org.deltascape.launcher.Console;
import org.deltascape.launcher.config.ExperimentConfig;
import org.deltascape.launcher.config.ExperimentConfigBinder;
import org.deltascape.launcher.config.YamlReader;
import org.deltascape.launcher.discovery.PluginCatalog;
import org.deltascape.launcher.discovery.PluginRegistry;
import org.deltascape.launcher.engine.SizeValidation;
import org.deltascape.launcher.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Parameters;

/**
 * {@code deltascape validate-size RUN_DIR}: trains fresh models on the first n examples for n ∈
 * {K/4, K/2, K, 2K, N} and reports their test loss and accuracy with the spread over replicates,
 * into {@code validation.csv} and a table; a run that has a report gets the picture of it in its
 * report. The work is {@link SizeValidation}'s, shared with a config's {@code validation:} block.
 */
@Command(name = "validate-size",
    description = "Check K(ε) against test performance: train fresh models on K/4, K/2, K, 2K and N examples.")
public final class ValidateSizeCommand implements Callable<Integer> {

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
    SizeValidation.Target target =
        SizeValidation.target(summary, summaryFile.toString(), space, estimator);
    if (target.examples() < 0) {
      throw new DeltascapeException(target.skipped(), summaryFile.toString(),
          "Lower the threshold or use more data");
    }
    PluginRegistry registry = catalog.registry(pluginFolders);
    ExperimentConfig config = new ExperimentConfigBinder(registry).bind(
        YamlReader.read(target.config().toString(), summaryFile + " (provenance.config)"), "run");
    threads.apply(spec.commandLine());
    List<Integer> checked = SizeValidation.sizes(target.examples(), target.n());
    int models = Math.max(1, replicates);
    List<SizeValidation.Trial> trials =
        new SizeValidation(registry, progress).run(config, checked, models);
    SizeValidation.write(folder, target, checked, models, trials);
    SizeValidation.print(console.out(), target, checked, trials, folder.resolve(SizeValidation.CSV));
    if (Files.exists(folder.resolve("report.html"))) {
      Report.Written written = Report.build(folder);
      console.out().println("report in " + written.html().toAbsolutePath().normalize() + " ("
          + written.figures().size() + " pictures)");
    }
    return 0;
  }
}
