package org.deltascape.launcher.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.deltascape.launcher.discovery.PluginRegistry;

/** Reads a config file (or the built-in quick start), applies {@code --set} overrides, binds it. */
public final class ConfigLoader {

  /** Where the quick-start config lives on the classpath. */
  public static final String QUICKSTART = "/org/deltascape/launcher/quickstart.yaml";

  private ConfigLoader() {}

  /**
   * The validated config.
   *
   * @param file the config file, or null for the quick start
   * @param overrides {@code key=value} strings, applied in order
   */
  public static ExperimentConfig load(PluginRegistry registry, Path file, List<String> overrides) {
    ConfigNode root;
    String defaultName;
    if (file == null) {
      root = YamlReader.read(quickstartText(), "quickstart.yaml");
      defaultName = "quickstart";
    } else {
      root = YamlReader.read(file);
      String base = file.getFileName().toString();
      defaultName = base.replaceFirst("\\.(ya?ml|json)$", "");
    }
    root = ConfigOverrides.apply(root, overrides);
    return new ExperimentConfigBinder(registry).bind(root, defaultName);
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
