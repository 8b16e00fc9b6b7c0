package org.deltascape.api;

import java.util.List;
import java.util.Objects;

/**
 * One key of a plugin's config: its name, type, default, one-line description and the range or
 * set of values it accepts. The launcher checks every value against its key before the plugin
 * sees it, so a plugin receives only well-typed, in-range {@link Settings}.
 *
 * <p>Build keys with the static factories and refine them with {@link #atLeast}, {@link #atMost},
 * {@link #mandatory()}: {@code ConfigKey.real("sigma", 1.0, "standard deviation of θ").greaterThan(0)}.
 *
 * @param name lower-kebab key name; never null
 * @param type the value's type; never null
 * @param defaultValue the value when the key is absent, of the Java type {@link ConfigType}
 *     names, or null when the key is required or optional without default
 * @param description one line, for {@code deltascape plugins}; never null
 * @param required whether the key must be given
 * @param min smallest accepted number (numbers and number lists), or null
 * @param minExclusive whether {@code min} itself is refused
 * @param max largest accepted number, or null
 * @param choices accepted values of a {@link ConfigType#STRING} or {@link ConfigType#STRING_LIST}
 *     key; empty for any
 * @param spi the SPI of a {@link ConfigType#PLUGIN} key, else null
 */
public record ConfigKey(
    String name,
    ConfigType type,
    Object defaultValue,
    String description,
    boolean required,
    Double min,
    boolean minExclusive,
    Double max,
    List<String> choices,
    Class<? extends Plugin> spi) {

  public ConfigKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    choices = List.copyOf(choices);
    if (type == ConfigType.PLUGIN && spi == null) {
      throw new IllegalArgumentException("plugin key " + name + " needs its SPI");
    }
  }

  private static ConfigKey of(String name, ConfigType type, Object def, String description) {
    return new ConfigKey(name, type, def, description, false, null, false, null, List.of(), null);
  }

  /** An integer key with a default (null for none). */
  public static ConfigKey integer(String name, Integer def, String description) {
    return of(name, ConfigType.INTEGER, def, description);
  }

  /** A real-number key with a default (null for none). */
  public static ConfigKey real(String name, Double def, String description) {
    return of(name, ConfigType.REAL, def, description);
  }

  /** A boolean key with a default (null for none). */
  public static ConfigKey bool(String name, Boolean def, String description) {
    return of(name, ConfigType.BOOLEAN, def, description);
  }

  /** A free-text key with a default (null for none). */
  public static ConfigKey string(String name, String def, String description) {
    return of(name, ConfigType.STRING, def, description);
  }

  /** A text key that takes one of {@code choices}; the default must be one of them. */
  public static ConfigKey choice(String name, String def, String description, String... choices) {
    if (def != null && !List.of(choices).contains(def)) {
      throw new IllegalArgumentException(def + " is not among the choices of " + name);
    }
    return new ConfigKey(
        name, ConfigType.STRING, def, description, false, null, false, null, List.of(choices), null);
  }

  /** A list-of-integers key with a default (null for none). */
  public static ConfigKey integers(String name, List<Integer> def, String description) {
    return of(name, ConfigType.INTEGER_LIST, def == null ? null : List.copyOf(def), description);
  }

  /** A list-of-reals key with a default (null for none). */
  public static ConfigKey reals(String name, List<Double> def, String description) {
    return of(name, ConfigType.REAL_LIST, def == null ? null : List.copyOf(def), description);
  }

  /** A list-of-strings key with a default (null for none). */
  public static ConfigKey strings(String name, List<String> def, String description) {
    return of(name, ConfigType.STRING_LIST, def == null ? null : List.copyOf(def), description);
  }

  /** A key whose value is another plugin of {@code spi}, by default {@code defaultId}. */
  public static ConfigKey plugin(
      String name, Class<? extends Plugin> spi, String defaultId, String description) {
    return new ConfigKey(
        name,
        ConfigType.PLUGIN,
        defaultId == null ? null : new PluginChoice(defaultId, Settings.empty(defaultId)),
        description,
        false,
        null,
        false,
        null,
        List.of(),
        spi);
  }

  /** A key of any YAML value, checked by the plugin. */
  public static ConfigKey any(String name, Object def, String description) {
    return of(name, ConfigType.ANY, def, description);
  }

  /** This key, required (and so without default). */
  public ConfigKey mandatory() {
    return new ConfigKey(name, type, null, description, true, min, minExclusive, max, choices, spi);
  }

  /** This key, refusing numbers below {@code bound}. */
  public ConfigKey atLeast(double bound) {
    return new ConfigKey(
        name, type, defaultValue, description, required, bound, false, max, choices, spi);
  }

  /** This key, refusing numbers at or below {@code bound}. */
  public ConfigKey greaterThan(double bound) {
    return new ConfigKey(
        name, type, defaultValue, description, required, bound, true, max, choices, spi);
  }

  /** This key, refusing numbers above {@code bound}. */
  public ConfigKey atMost(double bound) {
    return new ConfigKey(
        name, type, defaultValue, description, required, min, minExclusive, bound, choices, spi);
  }

  /** The accepted range as text ({@code "> 0"}, {@code "1 to 64"}), or empty when unbounded. */
  public String rangeText() {
    String low = min == null ? null : (minExclusive ? "> " : ">= ") + number(min);
    String high = max == null ? null : "<= " + number(max);
    if (low != null && high != null) {
      return low + " and " + high;
    }
    return low != null ? low : high != null ? high : "";
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }
}
