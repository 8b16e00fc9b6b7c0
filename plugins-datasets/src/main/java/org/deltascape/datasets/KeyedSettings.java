package org.deltascape.datasets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Settings;

/**
 * A provider's {@link Settings} read through its declared {@link ConfigKey}s: an absent key gives
 * the key's default (settings built in code need not repeat defaults), an undeclared key or a
 * value of the wrong type is a {@link DeltascapeException} that names the key and its origin.
 */
public final class KeyedSettings {
  static final String UNKNOWN_KEYS = "unknown keys %s; the keys are %s";
  static final String WRONG_TYPE = "expected %s";

  private final Settings settings;
  private final Map<String, ConfigKey> keys = new LinkedHashMap<>();

  /**
   * @throws DeltascapeException when {@code settings} has keys that {@code declared} lacks
   */
  public KeyedSettings(Settings settings, List<ConfigKey> declared) {
    this.settings = Objects.requireNonNull(settings, "settings");
    declared.forEach(key -> keys.put(key.name(), key));
    List<String> unknown = new ArrayList<>();
    for (String name : settings.values().keySet()) {
      if (!keys.containsKey(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw new DeltascapeException(
          String.format(UNKNOWN_KEYS, unknown, keys.keySet()),
          settings.owner(),
          "Remove or rename the unknown keys");
    }
  }

  /** The settings read. */
  public Settings settings() {
    return settings;
  }

  /** The given value or the default, or null when neither exists. */
  public Object value(String name) {
    ConfigKey key = key(name);
    Object value = settings.value(name);
    return value != null ? value : key.defaultValue();
  }

  /** Whether the key has a given value or a default. */
  public boolean has(String name) {
    return value(name) != null;
  }

  /** An integer value, or null when absent without default. */
  public Integer optionalInteger(String name) {
    Object value = value(name);
    if (value == null) {
      return null;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).intValue();
    }
    throw wrongType(name, "an integer");
  }

  /** An integer value that must exist. */
  public int integer(String name) {
    return Objects.requireNonNull(optionalInteger(name), name);
  }

  /** A real value that must exist (whole numbers are accepted). */
  public double real(String name) {
    Object value = value(name);
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    throw wrongType(name, "a real number");
  }

  /** A boolean value that must exist. */
  public boolean bool(String name) {
    Object value = value(name);
    if (value instanceof Boolean flag) {
      return flag;
    }
    throw wrongType(name, "true or false");
  }

  /** A text value, or null when absent without default; a number is taken as its text. */
  public String optionalString(String name) {
    Object value = value(name);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    if (value instanceof Integer || value instanceof Long) {
      return value.toString();
    }
    throw wrongType(name, "text");
  }

  /** A text value that must exist. */
  public String string(String name) {
    return Objects.requireNonNull(optionalString(name), name);
  }

  /** A list of texts, or null when absent without default. */
  public List<String> optionalStrings(String name) {
    Object value = value(name);
    if (value == null) {
      return null;
    }
    if (value instanceof List<?> list) {
      List<String> texts = new ArrayList<>();
      for (Object item : list) {
        if (!(item instanceof String) && !(item instanceof Number)) {
          throw wrongType(name, "a list of texts");
        }
        texts.add(item.toString());
      }
      return texts;
    }
    throw wrongType(name, "a list of texts");
  }

  /** An error about the value of {@code name}, naming where it came from. */
  public DeltascapeException invalid(String name, String what, String fix) {
    Settings shown = settings;
    if (!settings.has(name)) {
      Map<String, Object> values = new LinkedHashMap<>(settings.values());
      values.put(name, value(name));
      Map<String, String> origins = new LinkedHashMap<>(settings.origins());
      origins.put(name, "default");
      shown = new Settings(settings.owner(), values, origins);
    }
    return shown.invalid(name, what, fix);
  }

  private ConfigKey key(String name) {
    ConfigKey key = keys.get(name);
    if (key == null) {
      throw new IllegalArgumentException(settings.owner() + " declares no key " + name);
    }
    return key;
  }

  private DeltascapeException wrongType(String name, String expected) {
    return invalid(name, String.format(WRONG_TYPE, expected), "Write " + expected);
  }
}
