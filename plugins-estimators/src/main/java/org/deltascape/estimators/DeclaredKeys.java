package org.deltascape.estimators;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.PluginChoice;
import org.deltascape.api.Settings;

/**
 * The values of a plugin's declared config keys: the given value where the settings have one,
 * else the key's default, checked against the key's range.
 *
 * <p>The launcher validates configs before any plugin runs, but settings built in code ({@link
 * Settings#of}, or the default of a {@link org.deltascape.api.ConfigType#PLUGIN} key, which
 * carries empty settings) reach plugins unchecked and without defaults; reading every value
 * through this class makes a plugin behave the same either way. Immutable and thread-safe.
 */
public final class DeclaredKeys {
  private final Settings settings;
  private final Map<String, ConfigKey> keys = new LinkedHashMap<>();

  /**
   * @param settings the plugin's settings; never null
   * @param keys the plugin's {@link org.deltascape.api.Plugin#configKeys()}; never null
   */
  public DeclaredKeys(Settings settings, List<ConfigKey> keys) {
    this.settings = settings;
    keys.forEach(key -> this.keys.put(key.name(), key));
  }

  /** The integer value of {@code name}, in range. */
  public int integer(String name) {
    Number value = (Number) value(name);
    checkRange(name, value.doubleValue());
    return value.intValue();
  }

  /** The real value of {@code name}, in range. */
  public double real(String name) {
    Number value = (Number) value(name);
    checkRange(name, value.doubleValue());
    return value.doubleValue();
  }

  /** The boolean value of {@code name}. */
  public boolean bool(String name) {
    return (Boolean) value(name);
  }

  /** The plugin chosen by the {@link org.deltascape.api.ConfigType#PLUGIN} key {@code name}. */
  public PluginChoice plugin(String name) {
    return (PluginChoice) value(name);
  }

  /** The settings these values come from, for {@link Settings#invalid} messages. */
  public Settings settings() {
    return settings;
  }

  private Object value(String name) {
    ConfigKey key = keys.get(name);
    if (key == null) {
      throw new IllegalArgumentException(settings.owner() + " declares no key " + name);
    }
    Object value = settings.has(name) ? settings.value(name) : key.defaultValue();
    if (value == null) {
      throw new DeltascapeException(
          settings.owner() + ": " + name + " is required and has no default",
          settings.owner(),
          "Give " + name + " a value");
    }
    return value;
  }

  private void checkRange(String name, double value) {
    ConfigKey key = keys.get(name);
    boolean low =
        key.min() != null && (value < key.min() || (key.minExclusive() && value == key.min()));
    boolean high = key.max() != null && value > key.max();
    if (low || high || Double.isNaN(value)) {
      throw settings.invalid(
          name, "out of range, expected " + key.rangeText(), "Use a value " + key.rangeText());
    }
  }
}
