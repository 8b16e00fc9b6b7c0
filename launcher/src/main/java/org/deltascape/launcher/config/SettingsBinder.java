package org.deltascape.launcher.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.ConfigProblem;
import org.deltascape.api.Plugin;
import org.deltascape.api.PluginChoice;
import org.deltascape.api.Settings;
import org.deltascape.launcher.discovery.PluginRegistry;
import org.deltascape.launcher.discovery.Spi;

/**
 * Checks config values against the keys that plugins declare and turns them into {@link
 * Settings}. Never throws for a config fault: every problem is collected, with its file and line,
 * so that all of them can be reported together.
 */
public final class SettingsBinder {

  private final PluginRegistry registry;
  private final List<ConfigProblem> problems = new ArrayList<>();

  public SettingsBinder(PluginRegistry registry) {
    this.registry = registry;
  }

  /** The problems found so far, in the order found. */
  public List<ConfigProblem> problems() {
    return List.copyOf(problems);
  }

  /** Records a problem. */
  public void problem(ConfigNode node, String path, String message, String suggestion) {
    problems.add(new ConfigProblem(node.where(), path, message, suggestion));
  }

  /**
   * Binds a plugin block, written either as an id ({@code lanczos}) or as a map with an {@code id}
   * and the plugin's keys. Keys in {@code reserved} belong to the caller and are skipped.
   *
   * @return the choice, or null when the block is unusable (problems recorded)
   */
  public PluginChoice plugin(String path, ConfigNode node, Spi spi, Set<String> reserved) {
    ConfigNode idNode;
    ConfigNode body;
    if (node.isScalar()) {
      idNode = node;
      body = ConfigNode.map(Map.of(), node.where());
    } else if (node.isMap()) {
      idNode = node.get("id");
      body = node.without("id");
      if (idNode == null) {
        problem(node, path, "missing required key id (which " + spi.label() + " plugin)",
            "the " + spi.label() + " ids are " + String.join(", ", registry.ids(spi)));
        return null;
      }
    } else {
      problem(node, path, "expected a " + spi.label() + " id or a map with an id, got a list", null);
      return null;
    }
    if (!(idNode.value() instanceof String id)) {
      problem(idNode, path + ".id", "expected a " + spi.label() + " id, got " + idNode.describe(), null);
      return null;
    }
    var plugin = registry.find(spi.type(), id);
    if (plugin.isEmpty()) {
      problem(idNode, path, registry.unknownText(spi, id), registry.suggestion(spi, id));
      return null;
    }
    Plugin found = plugin.get();
    Settings settings = keys(path, spi.label() + " " + id, body, found.configKeys(), reserved);
    return new PluginChoice(id, settings);
  }

  /**
   * Binds a map against declared keys: unknown keys, wrong types, values out of range and missing
   * required keys are recorded; absent keys take their defaults.
   */
  public Settings keys(
      String path, String owner, ConfigNode map, List<ConfigKey> keys, Set<String> reserved) {
    Map<String, ConfigKey> byName = new LinkedHashMap<>();
    keys.forEach(key -> byName.put(key.name(), key));
    Map<String, Object> values = new TreeMap<>();
    Map<String, String> origins = new TreeMap<>();
    if (!map.isMap()) {
      problem(map, path, "expected a map of keys, got " + map.describe(), null);
      return new Settings(owner, values, origins);
    }
    for (Map.Entry<String, ConfigNode> entry : map.entries().entrySet()) {
      String name = entry.getKey();
      if (reserved.contains(name)) {
        continue;
      }
      ConfigKey key = byName.get(name);
      String keyPath = join(path, name);
      if (key == null) {
        List<String> known = new ArrayList<>(byName.keySet());
        known.addAll(reserved);
        String hint = Suggestions.didYouMean(name, known);
        problem(entry.getValue(), keyPath, "unknown key for " + owner,
            hint != null ? hint : known.isEmpty() ? owner + " takes no keys"
                : "its keys are " + String.join(", ", known));
        continue;
      }
      Object value = value(keyPath, entry.getValue(), key);
      if (value != null) {
        values.put(name, value);
        origins.put(name, entry.getValue().where());
      }
    }
    for (ConfigKey key : keys) {
      if (values.containsKey(key.name()) || map.entries().containsKey(key.name())) {
        continue;
      }
      if (key.required()) {
        problem(map, join(path, key.name()), "missing required key (" + key.description() + ")", null);
      } else if (key.defaultValue() instanceof PluginChoice choice) {
        // bind the default plugin like a written one, so that it gets its own defaults
        PluginChoice bound = plugin(join(path, key.name()),
            ConfigNode.scalar(choice.id(), "default of " + owner), Spi.of(key.spi()), Set.of());
        if (bound != null) {
          values.put(key.name(), bound);
          origins.put(key.name(), "default of " + owner);
        }
      } else if (key.defaultValue() != null) {
        values.put(key.name(), key.defaultValue());
        origins.put(key.name(), "default of " + owner);
      }
    }
    return new Settings(owner, values, origins);
  }

  /** The typed value of one node for one key, or null with a problem recorded. */
  public Object value(String path, ConfigNode node, ConfigKey key) {
    Object value = switch (key.type()) {
      case INTEGER -> integer(path, node);
      case REAL -> real(path, node);
      case BOOLEAN -> expect(path, node, Boolean.class, "true or false");
      case STRING -> expect(path, node, String.class, "text");
      case INTEGER_LIST -> list(path, node, key, this::integer);
      case REAL_LIST -> list(path, node, key, this::real);
      case STRING_LIST -> list(path, node, key, (p, n) -> expect(p, n, String.class, "text"));
      case PLUGIN -> plugin(path, node, Spi.of(key.spi()), Set.of());
      case ANY -> node.plain();
    };
    if (value == null) {
      return null;
    }
    return checked(path, node, key, value) ? value : null;
  }

  private boolean checked(String path, ConfigNode node, ConfigKey key, Object value) {
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        ConfigNode item = node.items().get(i);
        if (!checked(path + "[" + i + "]", item, key, list.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (value instanceof Number number && (key.min() != null || key.max() != null)) {
      double x = number.doubleValue();
      boolean low = key.min() != null && (key.minExclusive() ? x <= key.min() : x < key.min());
      boolean high = key.max() != null && x > key.max();
      if (low || high || Double.isNaN(x)) {
        problem(node, path, "must be " + key.rangeText() + ", got " + node.describe(), null);
        return false;
      }
    }
    if (value instanceof String text && !key.choices().isEmpty() && !key.choices().contains(text)) {
      problem(node, path, "expected one of " + String.join(", ", key.choices()) + ", got "
          + node.describe(), Suggestions.didYouMean(text, key.choices()));
      return false;
    }
    return true;
  }

  private Integer integer(String path, ConfigNode node) {
    if (node.isScalar() && node.value() instanceof Integer number) {
      return number;
    }
    String got = node.isScalar() && node.value() instanceof Long ? node.describe() + " (too large)"
        : node.describe();
    problem(node, path, "expected an integer, got " + got, null);
    return null;
  }

  private Double real(String path, ConfigNode node) {
    if (node.isScalar() && node.value() instanceof Number number) {
      return number.doubleValue();
    }
    problem(node, path, "expected a number, got " + node.describe(), null);
    return null;
  }

  private <T> T expect(String path, ConfigNode node, Class<T> type, String expected) {
    if (node.isScalar() && type.isInstance(node.value())) {
      return type.cast(node.value());
    }
    problem(node, path, "expected " + expected + ", got " + node.describe(), null);
    return null;
  }

  private interface ItemReader {
    Object read(String path, ConfigNode node);
  }

  private List<Object> list(String path, ConfigNode node, ConfigKey key, ItemReader reader) {
    if (!node.isList()) {
      problem(node, path, "expected " + key.type().label() + " like [1, 2], got " + node.describe(), null);
      return null;
    }
    List<Object> values = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < node.items().size(); i++) {
      Object item = reader.read(path + "[" + i + "]", node.items().get(i));
      ok &= item != null;
      values.add(item);
    }
    return ok ? List.copyOf(values) : null;
  }

  /** {@code a.b}, or {@code b} when {@code a} is empty. */
  public static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

}
