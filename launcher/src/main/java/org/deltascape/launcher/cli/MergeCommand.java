package org.deltascape.launcher.cli;

import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Progress;
import org.deltascape.launcher.Console;
import org.deltascape.launcher.discovery.PluginCatalog;
import org.deltascape.launcher.engine.Experiment;
import org.deltascape.launcher.engine.RunResult;
import org.deltascape.launcher.output.RunWriter;
import org.deltascape.launcher.shard.Shards;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code deltascape merge SHARD_DIR... [--output RUN_DIR]}: combines the n shard folders of a run
 * ({@code run CONFIG --shard i/n}) into the results of a single run of the config.
 */
@Command(name = "merge",
    description = "Combine the shard folders of a run (run --shard i/n) into its results.")
public final class MergeCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "SHARD_DIR", description = "The n shard folders.")
  List<Path> shards = new ArrayList<>();

  @Option(names = "--output", paramLabel = "DIR", description = "The run folder (default runs/<name>).")
  Path output;

  @Option(names = "--force", description = "Overwrite a run folder that already holds results.")
  boolean force;

  @Option(names = "--plugins", paramLabel = "DIR",
      description = "A folder of plugin jars to load (repeatable), besides the shards' own.")
  List<Path> pluginFolders = new ArrayList<>();

  @Mixin ThreadsOption threads;

  @Spec CommandSpec spec;

  private final PluginCatalog catalog;
  private final Progress progress;
  private final Console console;
  private final RunCommand printer;

  @Inject
  MergeCommand(PluginCatalog catalog, Progress progress, Console console) {
    this.catalog = catalog;
    this.progress = progress;
    this.console = console;
    this.printer = new RunCommand(catalog, progress, console);
  }

  @Override
  public Integer call() {
    threads.apply(spec.commandLine());
    Shards.Merge merge = Shards.open(shards, catalog, pluginFolders);
    var config = merge.loaded().config();
    Path folder = output != null ? output
        : config.output() != null ? Path.of(config.output()) : Path.of("runs", config.name());
    if (Files.exists(folder.resolve("summary.json")) && !force) {
      throw new DeltascapeException("the run folder already holds the results of a run",
          folder.toString(), "Choose another folder with --output, or pass --force to overwrite it");
    }
    List<RunResult> results = new Experiment(merge.loaded().registry(), progress)
        .run(merge.loaded().plan(), folder, merge.journal());
    RunWriter.write(results, merge.loaded().plan().keys(), merge.record());
    printer.print(merge.loaded(), results);
    return 0;
  }
}
