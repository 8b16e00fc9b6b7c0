package org.deltascape.launcher.cli;

import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.deltascape.api.DeltascapeException;
import org.deltascape.launcher.Console;
import org.deltascape.launcher.config.ConfigLoader;
import org.deltascape.launcher.config.ExperimentConfig;
import org.deltascape.api.Progress;
import org.deltascape.launcher.discovery.PluginCatalog;
import org.deltascape.launcher.engine.Experiment;
import org.deltascape.launcher.engine.RunResult;
import org.deltascape.launcher.engine.ThreadPolicy;
import org.deltascape.launcher.output.ConsoleReport;
import org.deltascape.launcher.output.RunWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deltascape run [CONFIG] [--set key=value]... [--output DIR] [--force]}. */
@Command(
    name = "run",
    description = "Run an experiment: train, find the spaces, estimate Δ_k, report K(ε).",
    sortOptions = false)
public final class RunCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG",
      description = "The experiment's YAML config; without it, the built-in quick start.")
  Path config;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override a config key, e.g. --set sampler.sigma=0.1 (repeatable).")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--output", paramLabel = "DIR", description = "The run folder (default runs/<name>).")
  Path output;

  @Option(names = "--plugins", paramLabel = "DIR",
      description = "A folder of plugin jars to load (repeatable; also the config's plugins: key).")
  List<Path> pluginFolders = new ArrayList<>();

  @Option(names = "--force", description = "Overwrite a run folder that already holds results.")
  boolean force;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "${env:DELTASCAPE_THREADS:-1}",
      description = "Threads for ND4J's native code (default ${DEFAULT-VALUE}; env DELTASCAPE_THREADS).")
  int threads;

  @Spec CommandSpec spec;

  private final PluginCatalog catalog;
  private final Progress progress;
  private final Console console;

  @Inject
  RunCommand(PluginCatalog catalog, Progress progress, Console console) {
    this.catalog = catalog;
    this.progress = progress;
    this.console = console;
  }

  @Override
  public Integer call() {
    ConfigLoader.Loaded loaded = ConfigLoader.load(catalog, config, overrides, pluginFolders);
    ExperimentConfig experimentConfig = loaded.config();
    if (threads < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--threads must be at least 1, got " + threads
              + ": use 1 for small models, the number of cores for large ones");
    }
    ThreadPolicy.apply(threads);
    Path folder = output != null ? output
        : experimentConfig.output() != null ? Path.of(experimentConfig.output())
        : Path.of("runs", experimentConfig.name());
    if (Files.exists(folder.resolve("summary.json")) && !force) {
      throw new DeltascapeException("the run folder already holds the results of a run",
          folder.toString(), "Choose another folder with --output, or pass --force to overwrite it");
    }
    List<RunResult> results = new Experiment(loaded.registry(), progress).run(loaded.plan(), folder);
    RunWriter.write(results, loaded.plan().keys());
    if (loaded.plan().swept()) {
      ConsoleReport.printSweep(results, loaded.plan().keys(), console.out());
    } else {
      ConsoleReport.print(results.get(0), console.out());
    }
    return 0;
  }
}
