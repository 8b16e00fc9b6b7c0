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
 * {@code replicates: R} (R &gt; 1) acts as one more swept key, {@value #REPLICATE}, varying
 * fastest: replicate r is its point with {@code seeds.training} set to the point's training seed
 * + r and nothing else changed (data orders, directions' and θ's seeds stay), so that replicates
 * differ by training alone, and each is exactly the experiment its canonical config records.
 *
 * @param keys the swept keys, in the order written (empty without a sweep)
 * @param points the points, the last key varying fastest
 */
public record SweepPlan(List<String> keys, List<Point> points) {

  /** The implicit last swept key of an experiment with {@code replicates: R}, R &gt; 1. */
  public static final String REPLICATE = "replicate";

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

  /** Whether the points are replicates (the last key is {@value #REPLICATE}). */
  public boolean replicated() {
    return keys.contains(REPLICATE);
  }

  /** Whether the points are the replicates of one experiment, with no other swept key. */
  public boolean replicatesOnly() {
    return keys.equals(List.of(REPLICATE));
  }

  /** The plan of a config tree; every fault of every point is reported together. */
  static SweepPlan of(ConfigNode root, String defaultName, PluginRegistry registry) {
    ConfigNode sweep = root.get("sweep");
    ExperimentConfigBinder binder = new ExperimentConfigBinder(registry);
    if (sweep == null) {
      List<Point> points = replicates(Map.of(), root, binder.bind(root, defaultName), binder, defaultName);
      return new SweepPlan(points.size() > 1 ? List.of(REPLICATE) : List.of(), points);
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
    if (root.get("validation") != null) {
      problems.add(new ConfigProblem(root.get("validation").where(), "validation",
          "a sweep has a K(ε) per point, and validation checks one experiment (or its replicates)",
          "drop validation, and run deltascape validate-size on a run of the point to check"));
    }
    if (sweep.get("replicates") != null) {
      problems.add(new ConfigProblem(sweep.get("replicates").where(), "sweep.replicates",
          "replicates cannot be swept: every point of a sweep has the same replicates",
          "set replicates: R at the top of the config"));
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
        points.addAll(replicates(chosen, point, binder.bind(point, defaultName), binder, defaultName));
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
    if (points.size() > count) {
      keys.add(REPLICATE);
    }
    return new SweepPlan(keys, points);
  }

  /**
   * The replicates of one point: the point itself when R = 1, else R points whose trees set
   * {@code seeds.training} to the point's training seed + r and drop {@code replicates}.
   */
  private static List<Point> replicates(Map<String, Object> values, ConfigNode tree,
      ExperimentConfig config, ExperimentConfigBinder binder, String defaultName) {
    if (config.replicates() == 1) {
      return List.of(new Point(values, config));
    }
    ConfigNode node = tree.get("replicates");
    String where = node == null ? tree.where() : node.where();
    ConfigNode single = tree.without("replicates");
    List<Point> points = new ArrayList<>();
    for (int r = 0; r < config.replicates(); r++) {
      long seed = config.seeds().training() + r;
      if (seed > Integer.MAX_VALUE) {
        throw new ConfigException(List.of(new ConfigProblem(where, "replicates", "replicate " + r
            + " would train from seed " + seed + ", beyond the largest seed " + Integer.MAX_VALUE,
            "use a smaller seeds.training (replicate r trains from seeds.training + r)")));
      }
      Map<String, Object> chosen = new LinkedHashMap<>(values);
      chosen.put(REPLICATE, r);
      ConfigNode replicate = ConfigOverrides.set(single, "seeds.training",
          ConfigNode.scalar((int) seed, where), where);
      points.add(new Point(chosen, binder.bind(replicate, defaultName)));
    }
    return points;
  }
}
