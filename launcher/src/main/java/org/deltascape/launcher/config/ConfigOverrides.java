package org.deltascape.launcher.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deltascape.api.ConfigException;
import org.deltascape.api.ConfigProblem;

/**
 * Applies {@code --set key=value} overrides to a config tree. Keys are dotted paths; a list item
 * is addressed by its index ({@code spaces.0.dim=5}); a plugin written as a bare id becomes a map
 * when one of its keys is set ({@code sampler: gaussian} + {@code sampler.sigma=0.1}).
 */
public final class ConfigOverrides {

  private ConfigOverrides() {}

  /** The tree with every override applied, in order. */
  public static ConfigNode apply(ConfigNode root, List<String> overrides) {
    List<ConfigProblem> problems = new ArrayList<>();
    ConfigNode result = root;
    for (String override : overrides) {
      int eq = override.indexOf('=');
      String where = "--set " + (eq < 0 ? override : override.substring(0, eq));
      if (eq <= 0) {
        problems.add(new ConfigProblem(where, "", "expected key=value, like sampler.sigma=0.1", null));
        continue;
      }
      String path = override.substring(0, eq).trim();
      ConfigNode value;
      try {
        value = YamlReader.readValue(override.substring(eq + 1), where);
      } catch (ConfigException e) {
        problems.addAll(e.problems());
        continue;
      }
      try {
        result = set(result, path.split("\\."), 0, value, where);
      } catch (IllegalArgumentException e) {
        problems.add(new ConfigProblem(where, path, e.getMessage(), null));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return result;
  }

  /**
   * The tree with the value at a dotted {@code path} replaced by {@code value}.
   *
   * @throws IllegalArgumentException when the path cannot be followed (the message says why)
   */
  public static ConfigNode set(ConfigNode root, String path, ConfigNode value, String where) {
    return set(root, path.split("\\."), 0, value, where);
  }

  private static ConfigNode set(ConfigNode node, String[] path, int depth, ConfigNode value, String where) {
    if (depth == path.length) {
      return value;
    }
    String key = path[depth];
    if (node != null && node.isList()) {
      int index;
      try {
        index = Integer.parseInt(key);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(String.join(".", java.util.Arrays.copyOf(path, depth))
            + " is a list: address its items by index, like " + String.join(".", java.util.Arrays.copyOf(path, depth)) + ".0");
      }
      if (index < 0 || index >= node.items().size()) {
        throw new IllegalArgumentException("the list has " + node.items().size() + " items, no item " + index);
      }
      List<ConfigNode> items = new ArrayList<>(node.items());
      items.set(index, set(items.get(index), path, depth + 1, value, where));
      return ConfigNode.list(items, node.where());
    }
    ConfigNode map;
    if (node == null) {
      map = ConfigNode.map(Map.of(), where);
    } else if (node.isMap()) {
      map = node;
    } else if (node.value() instanceof String id) {
      Map<String, ConfigNode> entries = new LinkedHashMap<>();
      entries.put("id", node);
      map = ConfigNode.map(entries, node.where());
    } else {
      throw new IllegalArgumentException("cannot set a key inside " + node.describe());
    }
    return map.with(key, set(map.get(key), path, depth + 1, value, where));
  }
}
