package org.deltascape.launcher.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deltascape.api.ConfigException;
import org.deltascape.api.ConfigProblem;
import org.deltascape.launcher.discovery.PluginRegistry;

/**
 * The points of an experiment: one for a plain config, the outer product of the listed values for
 * a config with a {@code sweep:} block ({@code sweep: { spaces.0.dim: [2, 16], sampler.sigma:
 * [0.1, 1] }}), each point the base config with its values set, validated like any config.
 *
 * @param keys the swept keys, in the order written (empty without a sweep)
 * @param points the points, the last key varying fastest
 */
public record SweepPlan(List<String> keys, List<Point> points) {

  /**
   * One point of a sweep.
   *
   * @param values the swept key's value at this point, by key, in the order of {@link #keys()}
   * @param config the validated config of this point
   */
  public record Point(Map<String, Object> values, ExperimentConfig config) {}

  public SweepPlan {
    keys = List.copyOf(keys);
    points = List.copyOf(points);
  }

  /** Whether this is a sweep (rather than a single experiment). */
  public boolean swept() {
    return !keys.isEmpty();
  }

  /** The plan of a config tree; every fault of every point is reported together. */
  static SweepPlan of(ConfigNode root, String defaultName, PluginRegistry registry) {
    ConfigNode sweep = root.get("sweep");
    ExperimentConfigBinder binder = new ExperimentConfigBinder(registry);
    if (sweep == null) {
      return new SweepPlan(List.of(), List.of(new Point(Map.of(), binder.bind(root, defaultName))));
    }
    List<ConfigProblem> problems = new ArrayList<>();
    if (!sweep.isMap() || sweep.entries().isEmpty()) {
      throw new ConfigException(List.of(new ConfigProblem(sweep.where(), "sweep",
          "expected a map of keys to lists of values, like { sampler.sigma: [0.1, 1] }", null)));
    }
    List<String> keys = new ArrayList<>(sweep.entries().keySet());
    List<List<ConfigNode>> values = new ArrayList<>();
    for (String key : keys) {
      ConfigNode list = sweep.get(key);
      if (!list.isList() || list.items().isEmpty()) {
        problems.add(new ConfigProblem(list.where(), "sweep." + key,
            "expected a non-empty list of values, got " + list.describe(), null));
      }
      values.add(list.items());
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    ConfigNode base = root.without("sweep");
    List<Point> points = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    int count = values.stream().mapToInt(List::size).reduce(1, Math::multiplyExact);
    for (int index = 0; index < count; index++) {
      ConfigNode point = base;
      Map<String, Object> chosen = new LinkedHashMap<>();
      int rest = index;
      int[] picks = new int[keys.size()];
      for (int i = keys.size() - 1; i >= 0; i--) {
        picks[i] = rest % values.get(i).size();
        rest /= values.get(i).size();
      }
      try {
        for (int i = 0; i < keys.size(); i++) {
          ConfigNode value = values.get(i).get(picks[i]);
          chosen.put(keys.get(i), value.plain());
          point = ConfigOverrides.set(point, keys.get(i), value, value.where());
        }
        points.add(new Point(chosen, binder.bind(point, defaultName)));
      } catch (ConfigException e) {
        for (ConfigProblem problem : e.problems()) {
          if (seen.add(problem.describe())) {
            problems.add(problem);
          }
        }
      } catch (IllegalArgumentException e) {
        problems.add(new ConfigProblem(sweep.where(), "sweep", e.getMessage(), null));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new SweepPlan(keys, points);
  }
}
