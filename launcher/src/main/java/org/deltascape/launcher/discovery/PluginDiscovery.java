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
    return discover(loader, List.of());
  }

  /**
   * Every plugin of every SPI visible to {@code loader}, and those of the jars in each of {@code
   * pluginFolders}, each jar in its own class loader.
   */
  public static PluginRegistry discover(ClassLoader loader, List<java.nio.file.Path> pluginFolders) {
    List<PluginSource<?>> sources = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    collect(loader, "classpath", sources, problems);
    for (java.nio.file.Path folder : pluginFolders) {
      PluginJars.collect(folder, loader, sources, problems);
    }
    return PluginRegistry.build(sources, problems);
  }

  /** Only the plugins of the jars in {@code pluginFolders}, as sources with their faults. */
  static PluginRegistry discoverJars(ClassLoader loader, List<java.nio.file.Path> pluginFolders) {
    List<PluginSource<?>> sources = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (java.nio.file.Path folder : pluginFolders) {
      PluginJars.collect(folder, loader, sources, problems);
    }
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
          problems.add("a " + spi.label() + " plugin from " + origin + " could not be loaded: "
              + e.getMessage() + reason(e));
        }
      }
    }
  }

  private static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof NoClassDefFoundError || root instanceof ClassNotFoundException) {
      return " (it needs the class " + root.getMessage() + ", which it cannot see: a plugin sees"
          + " only deltascape's api and its dependencies, so bundle any other library in the"
          + " plugin's jar)";
    }
    return root == e || root.getMessage() == null ? "" : " (" + root.getMessage() + ")";
  }
}
