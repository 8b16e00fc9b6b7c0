package org.deltascape.launcher.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One value of a config file with where it came from: a scalar (already typed by YAML: Integer,
 * Long, Double, Boolean, String or null), a list or a map. Immutable.
 */
public final class ConfigNode {

  /** The three shapes a YAML value can take. */
  public enum Kind {
    SCALAR,
    LIST,
    MAP
  }

  private final Kind kind;
  private final Object scalar;
  private final List<ConfigNode> items;
  private final Map<String, ConfigNode> entries;
  private final String where;

  private ConfigNode(
      Kind kind, Object scalar, List<ConfigNode> items, Map<String, ConfigNode> entries, String where) {
    this.kind = kind;
    this.scalar = scalar;
    this.items = items;
    this.entries = entries;
    this.where = Objects.requireNonNull(where, "where");
  }

  /** A scalar value (null for YAML's null). */
  public static ConfigNode scalar(Object value, String where) {
    return new ConfigNode(Kind.SCALAR, value, List.of(), Map.of(), where);
  }

  /** A list. */
  public static ConfigNode list(List<ConfigNode> items, String where) {
    return new ConfigNode(Kind.LIST, null, List.copyOf(items), Map.of(), where);
  }

  /** A map, keeping the order of its keys. */
  public static ConfigNode map(Map<String, ConfigNode> entries, String where) {
    return new ConfigNode(
        Kind.MAP, null, List.of(), Collections.unmodifiableMap(new LinkedHashMap<>(entries)), where);
  }

  public Kind kind() {
    return kind;
  }

  /** The scalar's value (null for YAML null or for lists and maps). */
  public Object value() {
    return scalar;
  }

  /** The items of a list; empty otherwise. */
  public List<ConfigNode> items() {
    return items;
  }

  /** The entries of a map; empty otherwise. */
  public Map<String, ConfigNode> entries() {
    return entries;
  }

  /** The entry of a map, or null. */
  public ConfigNode get(String key) {
    return entries.get(key);
  }

  /** Where the value was written: {@code "file.yaml:12"} or {@code "--set a.b"}. */
  public String where() {
    return where;
  }

  public boolean isMap() {
    return kind == Kind.MAP;
  }

  public boolean isList() {
    return kind == Kind.LIST;
  }

  public boolean isScalar() {
    return kind == Kind.SCALAR;
  }

  /** A copy of this map with {@code key} set to {@code value} (a map only). */
  public ConfigNode with(String key, ConfigNode value) {
    Map<String, ConfigNode> copy = new LinkedHashMap<>(entries);
    copy.put(key, value);
    return map(copy, where);
  }

  /** A copy of this map without {@code key}. */
  public ConfigNode without(String key) {
    Map<String, ConfigNode> copy = new LinkedHashMap<>(entries);
    copy.remove(key);
    return map(copy, where);
  }

  /** The plain Java value: scalars, {@code List}s and {@code LinkedHashMap}s. */
  public Object plain() {
    return switch (kind) {
      case SCALAR -> scalar;
      case LIST -> items.stream().map(ConfigNode::plain).toList();
      case MAP -> {
        Map<String, Object> map = new LinkedHashMap<>();
        entries.forEach((key, node) -> map.put(key, node.plain()));
        yield map;
      }
    };
  }

  /** How the value reads in an error message: short and quoted for text. */
  public String describe() {
    return switch (kind) {
      case SCALAR -> scalar instanceof String text ? "\"" + text + "\"" : String.valueOf(scalar);
      case LIST -> "a list";
      case MAP -> "a map";
    };
  }
}
