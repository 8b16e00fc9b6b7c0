package org.deltascape.launcher.discovery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where registries come from: the plugins on the class path (or a fixed set, in tests) plus, per
 * command, the jars of the plugin folders it names ({@code --plugins}, {@code plugins:}).
 * Registries are built once per set of folders.
 */
public final class PluginCatalog {

  private final ClassLoader loader;
  private final PluginRegistry fixed;
  private final Map<List<Path>, PluginRegistry> cache = new HashMap<>();

  private PluginCatalog(ClassLoader loader, PluginRegistry fixed) {
    this.loader = loader;
    this.fixed = fixed;
  }

  /** Plugins discovered on {@code loader} with ServiceLoader. */
  public static PluginCatalog classpath(ClassLoader loader) {
    return new PluginCatalog(loader, null);
  }

  /** Exactly the plugins of {@code registry} (plugin folders are still loaded on top). */
  public static PluginCatalog of(PluginRegistry registry) {
    return new PluginCatalog(PluginCatalog.class.getClassLoader(), registry);
  }

  /** The registry with the plugins of every jar in {@code folders} added. */
  public synchronized PluginRegistry registry(List<Path> folders) {
    List<Path> key = new ArrayList<>();
    folders.forEach(folder -> key.add(folder.toAbsolutePath().normalize()));
    return cache.computeIfAbsent(List.copyOf(key), this::build);
  }

  private PluginRegistry build(List<Path> folders) {
    if (fixed == null) {
      return PluginDiscovery.discover(loader, folders);
    }
    if (folders.isEmpty()) {
      return fixed;
    }
    return fixed.plus(PluginDiscovery.discoverJars(loader, folders));
  }
}
