package org.deltascape.launcher.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import org.deltascape.api.ConfigException;
import org.deltascape.api.ConfigProblem;
import org.deltascape.api.Settings;
import org.deltascape.launcher.config.ConfigNode;
import org.deltascape.launcher.config.SettingsBinder;
import org.deltascape.launcher.config.Suggestions;
import org.deltascape.launcher.discovery.PluginRegistry;

/**
 * The execution engine a config's {@code engine:} section chooses: the built-in {@code local}
 * engine when there is none, otherwise an {@link EngineProvider} found with ServiceLoader on the
 * launcher's class path, its section validated against the provider's keys.
 */
public final class Engines {

  /** An engine id no provider on the class path has. */
  static final String UNKNOWN = "unknown engine %s: the engines on the class path are %s";

  /** What to do about an engine that is not on the class path. */
  static final String UNKNOWN_FIX = "for Spark, run with ./deltascape-spark (or spark-submit with"
      + " the engine-spark jars on the class path); otherwise remove the engine section";

  /**
   * An engine's choice.
   *
   * @param provider the provider, or null for the built-in engine
   * @param settings the section's validated settings (empty for the built-in engine)
   */
  public record Choice(EngineProvider provider, Settings settings) {
    /** The engine's id. */
    public String id() {
      return provider == null ? EngineProvider.LOCAL : provider.id();
    }
  }

  private Engines() {}

  /** The engines on the class path of {@code loader}, by id (the built-in one is not listed). */
  public static Map<String, EngineProvider> providers(ClassLoader loader) {
    Map<String, EngineProvider> providers = new LinkedHashMap<>();
    try {
      for (EngineProvider provider : ServiceLoader.load(EngineProvider.class, loader)) {
        providers.putIfAbsent(provider.id(), provider);
      }
    } catch (ServiceConfigurationError e) {
      throw new org.deltascape.api.DeltascapeException("an engine on the class path cannot be"
          + " loaded: " + e.getMessage(), "class path", "Check the engine's jars and their"
          + " dependencies (for Spark: the engine-spark module's lib folder)");
    }
    return providers;
  }

  /**
   * The engine {@code root}'s {@code engine:} section chooses.
   *
   * @throws ConfigException naming the section's faults with file and line
   */
  public static Choice choose(ConfigNode root, ClassLoader loader) {
    ConfigNode node = root.get("engine");
    if (node == null) {
      return new Choice(null, new Settings("engine local", Map.of(), Map.of()));
    }
    ConfigNode idNode = node.isMap() ? node.get("id") : node;
    if (idNode == null || !(idNode.value() instanceof String id) || id.isBlank()) {
      throw new ConfigException(List.of(new ConfigProblem(node.where(), "engine",
          "expected an engine id (local or spark) or a map with one, got " + node.describe(),
          "for example engine: { id: spark, master: \"local[2]\" }")));
    }
    Map<String, EngineProvider> providers = providers(loader);
    SettingsBinder binder = new SettingsBinder(PluginRegistry.of(List.of()));
    if (EngineProvider.LOCAL.equals(id)) {
      Settings settings = binder.keys("engine", "engine local",
          node.isMap() ? node : ConfigNode.map(Map.of(), node.where()), List.of(), Set.of("id"));
      requireNoProblems(binder);
      return new Choice(null, settings);
    }
    EngineProvider provider = providers.get(id);
    if (provider == null) {
      List<String> known = new ArrayList<>(List.of(EngineProvider.LOCAL));
      known.addAll(providers.keySet());
      String hint = Suggestions.didYouMean(id, known);
      throw new ConfigException(List.of(new ConfigProblem(idNode.where(), "engine.id",
          String.format(java.util.Locale.ROOT, UNKNOWN, id, String.join(", ", known)),
          hint != null ? hint : UNKNOWN_FIX)));
    }
    Settings settings = binder.keys("engine", "engine " + id,
        node.isMap() ? node : ConfigNode.map(Map.of(), node.where()), provider.configKeys(),
        Set.of("id"));
    requireNoProblems(binder);
    return new Choice(provider, settings);
  }

  /** The executor of a run, from its config's {@code engine:} section; the caller closes it. */
  public static MonteCarloExecutor executor(ConfigNode root, RunDescription run,
      ClassLoader loader) {
    Choice choice = choose(root, loader);
    return choice.provider() == null ? MonteCarloExecutor.LOCAL
        : choice.provider().create(choice.settings(), run);
  }

  private static void requireNoProblems(SettingsBinder binder) {
    if (!binder.problems().isEmpty()) {
      throw new ConfigException(binder.problems());
    }
  }
}
