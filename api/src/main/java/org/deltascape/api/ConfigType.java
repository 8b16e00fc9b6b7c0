package org.deltascape.api;

/** The type of a plugin's config value, as written in YAML. */
public enum ConfigType {
  /** A whole number ({@code 1024}); read as {@link Integer}. */
  INTEGER("integer"),
  /** A real number ({@code 0.1}, {@code 1e-3}, or a whole number); read as {@link Double}. */
  REAL("real"),
  /** {@code true} or {@code false}; read as {@link Boolean}. */
  BOOLEAN("boolean"),
  /** Text; read as {@link String}. With {@link ConfigKey#choices()}, one of a fixed set. */
  STRING("string"),
  /** A list of whole numbers ({@code [256, 256]}); read as {@code List<Integer>}. */
  INTEGER_LIST("list of integers"),
  /** A list of real numbers; read as {@code List<Double>}. */
  REAL_LIST("list of reals"),
  /** A list of text values; read as {@code List<String>}. */
  STRING_LIST("list of strings"),
  /**
   * Another plugin, chosen by id and configured by its own keys: {@code lanczos} or
   * {@code {id: lanczos, tolerance: 1e-8}}; read as {@link PluginChoice}. The SPI is {@link
   * ConfigKey#spi()}.
   */
  PLUGIN("plugin"),
  /** Any YAML value, checked by the plugin itself (scalars, lists and maps of them). */
  ANY("value");

  private final String label;

  ConfigType(String label) {
    this.label = label;
  }

  /** How the type is named in listings and error messages. */
  public String label() {
    return label;
  }
}
