package org.deltascape.launcher.discovery;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.deltascape.api.Plugin;

/**
 * Finds plugins with {@link ServiceLoader} on a class loader (the application's by default). A
 * provider that fails to instantiate is reported with its reason and the others still load.
 */
public final class PluginDiscovery {

  private PluginDiscovery() {}

  /** Every plugin of every SPI visible to {@code loader}. */
  public static PluginRegistry discover(ClassLoader loader) {
    List<PluginSource<?>> sources = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    collect(loader, "classpath", sources, problems);
    return PluginRegistry.build(sources, problems);
  }

  /** Adds the plugins {@code loader} provides to {@code sources}, faults to {@code problems}. */
  static void collect(
      ClassLoader loader, String origin, List<PluginSource<?>> sources, List<String> problems) {
    for (Spi spi : Spi.values()) {
      Iterator<? extends Plugin> iterator = ServiceLoader.load(spi.type(), loader).iterator();
      while (true) {
        try {
          if (!iterator.hasNext()) {
            break;
          }
          Plugin plugin = iterator.next();
          if (plugin.getClass().getClassLoader() == loader || "classpath".equals(origin)) {
            sources.add(new PluginSource<>(plugin, origin));
          }
        } catch (ServiceConfigurationError | LinkageError e) {
          problems.add(
              "a " + spi.label() + " plugin from " + origin + " could not be loaded: " + e.getMessage());
        }
      }
    }
  }
}
