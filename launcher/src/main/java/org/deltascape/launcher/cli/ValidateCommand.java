package org.deltascape.launcher.cli;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.deltascape.launcher.Console;
import org.deltascape.launcher.config.ConfigLoader;
import org.deltascape.launcher.config.ExperimentConfig;
import org.deltascape.launcher.discovery.PluginCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deltascape validate CONFIG}: checks a config without running it. */
@Command(name = "validate", description = "Check a config without running it.")
public final class ValidateCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "CONFIG", description = "The experiment's YAML config.")
  Path config;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config key (repeatable).")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--plugins", paramLabel = "DIR", description = "A folder of plugin jars (repeatable).")
  List<Path> pluginFolders = new ArrayList<>();

  private final PluginCatalog catalog;
  private final Console console;

  @Inject
  ValidateCommand(PluginCatalog catalog, Console console) {
    this.catalog = catalog;
    this.console = console;
  }

  @Override
  public Integer call() {
    ConfigLoader.Loaded loaded = ConfigLoader.load(catalog, config, overrides, pluginFolders);
    ExperimentConfig checked = loaded.config();
    String engine = org.deltascape.launcher.engine.Engines
        .choose(loaded.root(), ValidateCommand.class.getClassLoader()).id();
    console.out().println(config + ": valid (" + checked.name() + ", " + checked.spaces().size()
        + (checked.spaces().size() == 1 ? " space, " : " spaces, ") + checked.estimators().size()
        + (checked.estimators().size() == 1 ? " estimator" : " estimators")
        + (engine.equals("local") ? "" : ", engine " + engine) + ")");
    console.out().println("canonical config: " + checked.canonical());
    return 0;
  }
}
