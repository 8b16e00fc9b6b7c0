package org.deltascape.launcher.engine;

import java.util.List;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.Settings;

/**
 * An execution engine other than the built-in single-JVM one, chosen by a config's {@code engine:}
 * section ({@code engine: { id: spark, master: "local[2]" }}) and found with {@link
 * java.util.ServiceLoader} on the launcher's class path
 * ({@code META-INF/services/org.deltascape.launcher.engine.EngineProvider}). An engine changes
 * where the work runs, never the numbers: the section is not part of the canonical config.
 */
public interface EngineProvider {

  /** The id of the built-in engine, which runs everything in this JVM. */
  String LOCAL = "local";

  /** A stable lower-kebab id ({@code spark}). */
  String id();

  /** One line for {@code deltascape plugins}. */
  String description();

  /** The keys of the engine's section besides {@code id}, validated like a plugin's. */
  List<ConfigKey> configKeys();

  /**
   * The executor of one run.
   *
   * @param settings the section's validated settings
   * @param run what other JVMs need to rebuild the run's jobs
   */
  MonteCarloExecutor create(Settings settings, RunDescription run);
}
