package org.deltascape.launcher.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deltascape.api.ConfigException;
import org.deltascape.api.ConfigProblem;
import org.deltascape.launcher.discovery.PluginCatalog;
import org.deltascape.launcher.discovery.PluginRegistry;

/**
 * Reads a config file (or the built-in quick start), applies {@code --set} overrides, loads the
 * plugin folders it names ({@code plugins:}, relative to the config file) together with those of
 * the command line, and binds the config against the plugins so found.
 */
public final class ConfigLoader {

  /** Where the quick-start config lives on the classpath. */
  public static final String QUICKSTART = "/org/deltascape/launcher/quickstart.yaml";

  /**
   * A bound config and the registry it was bound against.
   *
   * @param config the validated config (of the first point, for a sweep)
   * @param registry the plugins, including those of the plugin folders
   * @param plan every point of the experiment (one without a sweep)
   * @param root the config tree the plan was bound from (after overrides)
   * @param defaultName the name the config takes when it has none
   */
  public record Loaded(ExperimentConfig config, PluginRegistry registry, SweepPlan plan,
      ConfigNode root, String defaultName) {}

  private ConfigLoader() {}

  /** The validated config, against a fixed registry (no plugin folders). */
  public static ExperimentConfig load(PluginRegistry registry, Path file, List<String> overrides) {
    return load(PluginCatalog.of(registry), file, overrides, List.of()).config();
  }

  /**
   * The validated config and its registry.
   *
   * @param file the config file, or null for the quick start
   * @param overrides {@code key=value} strings, applied in order
   * @param pluginFolders folders of plugin jars from the command line
   */
  public static Loaded load(
      PluginCatalog catalog, Path file, List<String> overrides, List<Path> pluginFolders) {
    ConfigNode root;
    String defaultName;
    if (file == null) {
      root = YamlReader.read(quickstartText(), "quickstart.yaml");
      defaultName = "quickstart";
    } else {
      root = YamlReader.read(file);
      defaultName = defaultName(file);
    }
    return load(catalog, ConfigOverrides.apply(root, overrides), defaultName, file, pluginFolders);
  }

  /**
   * The validated config of a tree already read (a run folder's kept config, for a resume).
   *
   * @param root the config tree, overrides applied
   * @param defaultName the name when the tree has none
   * @param file the config file the tree came from (plugin folders are relative to it), or null
   * @param pluginFolders folders of plugin jars from the command line
   */
  public static Loaded load(PluginCatalog catalog, ConfigNode root, String defaultName, Path file,
      List<Path> pluginFolders) {
    List<Path> folders = new ArrayList<>(pluginFolders);
    folders.addAll(pluginFolders(root.get("plugins"), file));
    PluginRegistry registry = catalog.registry(folders);
    SweepPlan plan = SweepPlan.of(root, defaultName, registry);
    return new Loaded(plan.points().get(0).config(), registry, plan, root, defaultName);
  }

  /** The name a config file's experiment takes when it names none: the file's base name. */
  public static String defaultName(Path file) {
    return file == null ? "quickstart"
        : file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
  }

  private static List<Path> pluginFolders(ConfigNode node, Path file) {
    List<Path> folders = new ArrayList<>();
    if (node == null) {
      return folders;
    }
    List<ConfigNode> items = node.isList() ? node.items() : List.of(node);
    Path base = file == null || file.toAbsolutePath().getParent() == null
        ? Path.of("") : file.toAbsolutePath().getParent();
    for (ConfigNode item : items) {
      if (!(item.value() instanceof String text) || text.isBlank()) {
        throw new ConfigException(List.of(new ConfigProblem(item.where(), "plugins",
            "expected a folder of plugin jars (or a list of them), got " + item.describe(), null)));
      }
      folders.add(base.resolve(text));
    }
    return folders;
  }

  /** The text of the built-in quick-start config. */
  public static String quickstartText() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(QUICKSTART)) {
      if (in == null) {
        throw new IllegalStateException("the quick-start config is missing from the launcher jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the quick-start config", e);
    }
  }
}
