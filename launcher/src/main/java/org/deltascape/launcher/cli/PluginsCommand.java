package org.deltascape.launcher.cli;

import jakarta.inject.Inject;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.Plugin;
import org.deltascape.api.Settings;
import org.deltascape.launcher.Console;
import org.deltascape.launcher.discovery.PluginRegistry;
import org.deltascape.launcher.discovery.PluginSource;
import org.deltascape.launcher.discovery.Spi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deltascape.launcher.discovery.PluginCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code deltascape plugins}: every plugin by SPI with its config keys and origin. */
@Command(name = "plugins", description = "List every plugin with its config keys, defaults and origin.")
public final class PluginsCommand implements Callable<Integer> {

  @Option(names = "--plugins", paramLabel = "DIR", description = "A folder of plugin jars (repeatable).")
  List<Path> pluginFolders = new ArrayList<>();

  private final PluginCatalog catalog;
  private final Console console;

  @Inject
  PluginsCommand(PluginCatalog catalog, Console console) {
    this.catalog = catalog;
    this.console = console;
  }

  @Override
  public Integer call() {
    PluginRegistry registry = catalog.registry(pluginFolders);
    print(registry, console.out());
    printEngines(org.deltascape.launcher.engine.Engines.providers(
        PluginsCommand.class.getClassLoader()).values(), console.out());
    for (String problem : registry.loadProblems()) {
      console.err().println("warning: " + problem);
    }
    return 0;
  }

  /** The listing, as {@code deltascape plugins} prints it. */
  public static void print(PluginRegistry registry, PrintStream out) {
    boolean first = true;
    for (Spi spi : Spi.all()) {
      if (!first) {
        out.println();
      }
      first = false;
      out.println(spi.label() + " plugins (" + spi.type().getName() + ")");
      if (registry.plugins(spi).isEmpty()) {
        out.println("  (none)");
      }
      for (PluginSource<?> source : registry.plugins(spi).values()) {
        Plugin plugin = source.plugin();
        out.println("  " + plugin.id() + "  " + plugin.description());
        out.println("    from " + source.origin() + ", version " + plugin.version());
        for (ConfigKey key : plugin.configKeys()) {
          out.println(String.format(Locale.ROOT, "    %-16s %-18s %-22s %s", key.name(), type(key),
              key.required() ? "required" : "default " + defaultText(key), key.description()));
        }
      }
    }
  }

  /** The execution engines a config's {@code engine:} section can choose. */
  static void printEngines(java.util.Collection<org.deltascape.launcher.engine.EngineProvider> engines,
      PrintStream out) {
    out.println();
    out.println("engines (the config's engine: section; they change where the work runs, never the numbers)");
    out.println("  local  every Monte Carlo block in this JVM (the default)");
    for (org.deltascape.launcher.engine.EngineProvider engine : engines) {
      out.println("  " + engine.id() + "  " + engine.description());
      for (ConfigKey key : engine.configKeys()) {
        out.println(String.format(Locale.ROOT, "    %-16s %-18s %-22s %s", key.name(), type(key),
            key.required() ? "required" : "default " + defaultText(key), key.description()));
      }
    }
  }

  private static String type(ConfigKey key) {
    String type = key.type() == org.deltascape.api.ConfigType.PLUGIN
        ? Spi.of(key.spi()).label() : key.type().label();
    if (!key.choices().isEmpty()) {
      type = String.join("|", key.choices());
    }
    String range = key.rangeText();
    return range.isEmpty() ? type : type + " " + range;
  }

  private static String defaultText(ConfigKey key) {
    return key.defaultValue() == null ? "none" : Settings.render(key.defaultValue());
  }
}
