package org.deltascape.api;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A plugin's validated config: every declared key with its value (given or default), of the Java
 * type its {@link ConfigType} names, and where each value came from. Immutable and thread-safe.
 *
 * <p>Plugins turn it into their own typed config record in their factory; a value that passes
 * the type and range checks but is still wrong for the plugin is reported with {@link
 * #invalid(String, String, String)}, which names the file and line the value came from.
 *
 * @param owner what the settings configure, for messages ({@code "sampler gaussian"}); never null
 * @param values key to value; absent keys have no default and were not given
 * @param origins key to where its value came from ({@code "experiment.yaml:14"}, {@code
 *     "default"}, {@code "--set sampler.sigma"})
 */
public record Settings(String owner, Map<String, Object> values, Map<String, String> origins) {

  public Settings {
    Objects.requireNonNull(owner, "owner");
    values = Collections.unmodifiableMap(new TreeMap<>(values));
    origins = Collections.unmodifiableMap(new TreeMap<>(origins));
  }

  /** Settings without values, for a plugin configured entirely by defaults it applies itself. */
  public static Settings empty(String owner) {
    return new Settings(owner, Map.of(), Map.of());
  }

  /** Settings from plain values (tests, programmatic use); origins are {@code "code"}. */
  public static Settings of(String owner, Map<String, ?> values) {
    Map<String, String> origins = new TreeMap<>();
    values.keySet().forEach(key -> origins.put(key, "code"));
    return new Settings(owner, Map.copyOf(values), origins);
  }

  /** Whether the key has a value. */
  public boolean has(String key) {
    return values.containsKey(key);
  }

  /** The raw value, or null. */
  public Object value(String key) {
    return values.get(key);
  }

  /** The integer value of a key that has one. */
  public int integer(String key) {
    return ((Number) require(key)).intValue();
  }

  /** The real value of a key that has one. */
  public double real(String key) {
    return ((Number) require(key)).doubleValue();
  }

  /** The boolean value of a key that has one. */
  public boolean bool(String key) {
    return (Boolean) require(key);
  }

  /** The text value of a key that has one. */
  public String string(String key) {
    return (String) require(key);
  }

  /** The list-of-integers value of a key that has one. */
  @SuppressWarnings("unchecked")
  public List<Integer> integers(String key) {
    return (List<Integer>) require(key);
  }

  /** The list-of-reals value of a key that has one. */
  @SuppressWarnings("unchecked")
  public List<Double> reals(String key) {
    return (List<Double>) require(key);
  }

  /** The list-of-strings value of a key that has one. */
  @SuppressWarnings("unchecked")
  public List<String> strings(String key) {
    return (List<String>) require(key);
  }

  /** The plugin chosen by a {@link ConfigType#PLUGIN} key that has one. */
  public PluginChoice plugin(String key) {
    return (PluginChoice) require(key);
  }

  /** Where the value of {@code key} came from, or the owner when unknown. */
  public String origin(String key) {
    return origins.getOrDefault(key, owner);
  }

  /**
   * An error about the value of {@code key} that the type and range checks let through, naming
   * where the value came from: throw what this returns.
   */
  public DeltascapeException invalid(String key, String what, String fix) {
    return new DeltascapeException(
        owner + ": " + key + " = " + render(values.get(key)) + ": " + what, origin(key), fix);
  }

  /**
   * The canonical text of these settings: keys sorted, values rendered without locale, nested
   * plugin choices expanded. Equal settings give equal text; it is hashed into provenance.
   */
  public String canonical() {
    StringBuilder text = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      if (!first) {
        text.append(", ");
      }
      first = false;
      text.append(entry.getKey()).append(": ").append(render(entry.getValue()));
    }
    return text.append('}').toString();
  }

  private Object require(String key) {
    Object value = values.get(key);
    if (value == null) {
      throw new IllegalStateException(owner + " has no value for " + key);
    }
    return value;
  }

  /** Renders a config value canonically (also used for messages). */
  public static String render(Object value) {
    if (value instanceof PluginChoice choice) {
      String inner = choice.settings().canonical();
      return inner.equals("{}") ? choice.id() : "{id: " + choice.id() + ", " + inner.substring(1);
    }
    if (value instanceof Double number) {
      return Double.toString(number);
    }
    if (value instanceof List<?> list) {
      StringBuilder text = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        text.append(i == 0 ? "" : ", ").append(render(list.get(i)));
      }
      return text.append(']').toString();
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder text = new StringBuilder("{");
      boolean first = true;
      for (Map.Entry<?, ?> entry : new TreeMap<>(map).entrySet()) {
        text.append(first ? "" : ", ").append(entry.getKey()).append(": ");
        text.append(render(entry.getValue()));
        first = false;
      }
      return text.append('}').toString();
    }
    return String.valueOf(value);
  }
}
