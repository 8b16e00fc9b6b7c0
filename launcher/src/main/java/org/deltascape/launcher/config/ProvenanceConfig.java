package org.deltascape.launcher.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deltascape.api.ConfigException;
import org.deltascape.api.ConfigProblem;
import org.deltascape.launcher.discovery.PluginCatalog;
import org.deltascape.launcher.discovery.PluginRegistry;

/**
 * The experiment a run's {@code summary.json} records: its provenance's canonical config (JSON,
 * hence YAML) bound again like any config file, so that {@code run --from RUN/summary.json}
 * reruns exactly that experiment; a sweep's summary gives back every point.
 */
public final class ProvenanceConfig {

  /** A summary without the provenance a rerun needs. */
  static final String NO_PROVENANCE =
      "the summary has no provenance.config to rerun (it is not a deltascape summary.json)";

  private ProvenanceConfig() {}

  /**
   * The plan recorded in a summary, with {@code overrides} applied to each point's config.
   *
   * @throws ConfigException when the summary records no config, or one that no longer binds
   */
  public static ConfigLoader.Loaded load(
      PluginCatalog catalog, Path summary, List<String> overrides, List<Path> pluginFolders) {
    ConfigNode root = YamlReader.read(summary);
    String source = summary.toString();
    PluginRegistry registry = catalog.registry(pluginFolders);
    ExperimentConfigBinder binder = new ExperimentConfigBinder(registry);
    ConfigNode points = root.get("points");
    List<String> keys = new ArrayList<>();
    List<SweepPlan.Point> planned = new ArrayList<>();
    List<ConfigNode> trees = new ArrayList<>();
    if (points != null && points.isList() && root.get("sweep") != null) {
      ConfigNode sweptKeys = root.get("sweep").get("keys");
      if (sweptKeys != null) {
        sweptKeys.items().forEach(key -> keys.add(String.valueOf(key.value())));
      }
      for (ConfigNode point : points.items()) {
        ConfigNode tree = config(point, source);
        trees.add(tree);
        Map<String, Object> values = new LinkedHashMap<>();
        ConfigNode given = point.get("values");
        if (given != null && given.isMap()) {
          given.entries().forEach((key, value) -> values.put(key, value.plain()));
        }
        ExperimentConfig config = binder.bind(ConfigOverrides.apply(tree, overrides), "rerun");
        planned.add(new SweepPlan.Point(values, config));
      }
    } else {
      ConfigNode tree = ConfigOverrides.apply(config(root, source), overrides);
      trees.add(tree);
      planned.add(new SweepPlan.Point(Map.of(), binder.bind(tree, "rerun")));
    }
    SweepPlan plan = new SweepPlan(keys, planned);
    return new ConfigLoader.Loaded(planned.get(0).config(), registry, plan, trees.get(0), "rerun");
  }

  private static ConfigNode config(ConfigNode holder, String source) {
    ConfigNode provenance = holder.get("provenance");
    ConfigNode config = provenance == null ? null : provenance.get("config");
    if (config == null || !config.isMap()) {
      throw new ConfigException(List.of(new ConfigProblem(
          provenance == null ? holder.where() : provenance.where(), "provenance.config",
          NO_PROVENANCE, "pass the summary.json of a finished run")));
    }
    return config;
  }
}
