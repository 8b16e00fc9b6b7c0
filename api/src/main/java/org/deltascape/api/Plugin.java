package org.deltascape.api;

import java.util.List;

/**
 * What every plugin of every SPI has: a stable id, a one-line description and the keys of its
 * config. Implementations are discovered with {@link java.util.ServiceLoader} (a {@code
 * META-INF/services/<SPI interface>} entry) and must have a public no-argument constructor; they
 * are stateless factories, safe to share between threads.
 */
public interface Plugin {

  /**
   * The version of the SPIs in this api. A plugin jar declares the version it was built against
   * in its manifest ({@code Deltascape-SPI-Version}); the launcher refuses a jar built against
   * another version, naming both.
   */
  int SPI_VERSION = 1;

  /** Stable lower-kebab id ({@code "lanczos"}); never blank, unique within its SPI. */
  String id();

  /** One line saying what the plugin does, for {@code deltascape plugins}. */
  String description();

  /**
   * The keys this plugin's config accepts, with types, defaults and ranges; an unknown key in a
   * config is an error. Never null; empty for a plugin without settings.
   */
  List<ConfigKey> configKeys();

  /**
   * The plugin's version for provenance: by default its jar's {@code Implementation-Version}, or
   * {@code "dev"} when running from classes.
   */
  default String version() {
    String version = getClass().getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
