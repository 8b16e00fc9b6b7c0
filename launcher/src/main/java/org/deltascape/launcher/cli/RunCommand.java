package org.deltascape.launcher.cli;

import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deltascape.api.DeltascapeException;
import org.deltascape.launcher.Console;
import org.deltascape.launcher.checkpoint.RunCheckpoint;
import org.deltascape.launcher.checkpoint.StoredRun;
import org.deltascape.launcher.config.ConfigLoader;
import org.deltascape.launcher.config.ProvenanceConfig;
import org.deltascape.launcher.config.ExperimentConfig;
import org.deltascape.api.Progress;
import org.deltascape.launcher.discovery.PluginCatalog;
import org.deltascape.launcher.engine.Engines;
import org.deltascape.launcher.engine.Experiment;
import org.deltascape.launcher.engine.MonteCarloExecutor;
import org.deltascape.launcher.engine.RunDescription;
import org.deltascape.launcher.engine.RunResult;
import org.deltascape.launcher.output.ConsoleReport;
import org.deltascape.launcher.report.Report;
import org.deltascape.launcher.output.RunWriter;
import org.deltascape.launcher.shard.ShardSpec;
import org.deltascape.launcher.shard.Shards;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code deltascape run [CONFIG] [--set key=value]... [--output DIR] [--force] [--resume RUN_DIR]
 * [--from SUMMARY]}: a fresh run keeps checkpoints in {@code RUN/checkpoint/}; {@code --resume}
 * continues from them; {@code --from} reruns what a summary's provenance records.
 */
@Command(
    name = "run",
    description = "Run an experiment: train, find the spaces, estimate Δ_k, report K(ε).",
    sortOptions = false)
public final class RunCommand implements Callable<Integer> {

  /** A folder that holds the checkpoints of a run that did not finish. */
  static final String UNFINISHED = "the run folder holds an unfinished run";

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

  @Option(names = "--resume", paramLabel = "RUN_DIR",
      description = "Continue a run that was interrupted, from its checkpoints.")
  Path resume;

  @Option(names = "--from", paramLabel = "SUMMARY",
      description = "Rerun the experiment a run's summary.json records.")
  Path from;

  @Option(names = "--shard", paramLabel = "I/N",
      description = "Compute only the i-th of n shares of the Monte Carlo blocks (1 ≤ i ≤ n) into a"
          + " shard folder; combine the n folders with deltascape merge.")
  String shard;

  @Mixin ThreadsOption threads;

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
    threads.apply(spec.commandLine());
    if (resume != null && (from != null || output != null)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--resume continues the run in its own folder: drop --from and --output");
    }
    if (from != null && config != null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--from reruns the config of a summary: drop CONFIG, or drop --from");
    }
    if (shard != null && resume != null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--shard runs a shard afresh: drop --resume (run the shard again with --force)");
    }
    return resume != null ? resumeRun() : freshRun();
  }

  private int freshRun() {
    ConfigLoader.Loaded loaded = from != null
        ? ProvenanceConfig.load(catalog, from, overrides, pluginFolders)
        : ConfigLoader.load(catalog, config, overrides, pluginFolders);
    ExperimentConfig experimentConfig = loaded.config();
    ShardSpec share = shard == null ? null : ShardSpec.parse(shard);
    Path folder = output != null ? output
        : share != null ? Path.of("runs", experimentConfig.name() + "-shard-" + share.index()
            + "-of-" + share.count())
        : experimentConfig.output() != null ? Path.of(experimentConfig.output())
        : Path.of("runs", experimentConfig.name());
    if (share != null && Shards.finished(folder) && !force) {
      throw new DeltascapeException("the folder already holds a finished shard", folder.toString(),
          "Choose another folder with --output, or pass --force to overwrite it");
    }
    if (Files.exists(folder.resolve("summary.json")) && !force) {
      throw new DeltascapeException("the run folder already holds the results of a run",
          folder.toString(), "Choose another folder with --output, or pass --force to overwrite it");
    }
    if (share == null && !force
        && RunCheckpoint.stage(folder).filter(stage -> !stage.equals("started")).isPresent()) {
      throw new DeltascapeException(UNFINISHED, folder.toString(),
          "Continue it with --resume " + folder + ", or pass --force to start afresh");
    }
    List<String> folders = pluginFolders.stream()
        .map(path -> path.toAbsolutePath().normalize().toString()).toList();
    StoredRun stored = new StoredRun(loaded.root().plain(), loaded.defaultName(),
        config == null || from != null ? null : config.toAbsolutePath().normalize().toString(),
        folders, overrides, RunCheckpoint.hash(loaded.plan()), canonicals(loaded));
    if (share != null) {
      Shards.run(new Experiment(loaded.registry(), progress), loaded, stored, share, folder);
      console.out().println("shard " + share + " of " + experimentConfig.name() + " in "
          + folder.toAbsolutePath().normalize() + "; merge all " + share.count()
          + " with deltascape merge");
      return 0;
    }
    RunCheckpoint checkpoint = RunCheckpoint.start(folder, stored);
    List<RunResult> results;
    try (MonteCarloExecutor executor = Engines.executor(loaded.root(), description(stored),
        RunCommand.class.getClassLoader())) {
      results = new Experiment(loaded.registry(), progress, executor)
          .run(loaded.plan(), folder, checkpoint);
    }
    RunWriter.write(results, loaded.plan().keys());
    checkpoint.finish();
    print(loaded, results);
    return 0;
  }

  private int resumeRun() {
    if (RunResume.finished(resume)) {
      console.out().println(String.format(java.util.Locale.ROOT, RunResume.FINISHED, resume));
      return 0;
    }
    if (RunCheckpoint.stage(resume).isEmpty()) {
      throw new DeltascapeException(RunResume.NOTHING_TO_RESUME, resume.toString(),
          "Start the run afresh");
    }
    StoredRun stored = StoredRun.read(resume);
    ConfigLoader.Loaded loaded =
        RunResume.load(catalog, resume, stored, config, overrides, pluginFolders);
    String stage = RunCheckpoint.stage(resume).orElse("started");
    RunCheckpoint checkpoint = RunCheckpoint.resume(resume, stored);
    List<RunResult> results;
    try (MonteCarloExecutor executor = Engines.executor(loaded.root(), description(stored),
        RunCommand.class.getClassLoader())) {
      results = new Experiment(loaded.registry(), progress, executor)
          .run(loaded.plan(), resume, checkpoint);
    }
    RunWriter.write(results, loaded.plan().keys(),
        Map.of("resumed", RunResume.record(stage, checkpoint.samplesReused())));
    checkpoint.finish();
    print(loaded, results);
    return 0;
  }

  void print(ConfigLoader.Loaded loaded, List<RunResult> results) {
    if (loaded.plan().swept()) {
      ConsoleReport.printSweep(results, loaded.plan().keys(), console.out());
      return;
    }
    RunResult run = results.get(0);
    ConsoleReport.print(run, console.out());
    if (run.config().report()) {
      try {
        Report.Written written = Report.build(run.folder());
        console.out().println("report in " + written.html().toAbsolutePath().normalize() + " ("
            + written.figures().size() + " pictures)");
      } catch (DeltascapeException e) {
        // the results are written: a report that cannot be drawn costs only the report
        console.err().println("warning: the report was not written: " + e.getMessage()
            + " The results are complete; try deltascape report " + run.folder());
      }
    }
  }

  /** What other JVMs need to rebuild the run's jobs: the kept config tree and its plugins. */
  static RunDescription description(StoredRun stored) {
    try {
      return new RunDescription(
          new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(stored.tree()),
          stored.defaultName(), stored.configFile(), stored.pluginFolders());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a config tree is always JSON", e);
    }
  }

  private static List<String> canonicals(ConfigLoader.Loaded loaded) {
    return loaded.plan().points().stream().map(point -> point.config().canonical()).toList();
  }
}
