package org.deltascape.launcher.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.deltascape.api.ConfigException;
import org.deltascape.api.ConfigProblem;
import org.deltascape.api.Settings;
import org.deltascape.launcher.config.ExperimentConfig;

/**
 * Checks of a config that need the model's parameter count P, made once the model exists and
 * before it is trained, so that a value out of range costs seconds, not a training run.
 */
final class Preflight {

  /** A space asks for more directions than the model has parameters. */
  static final String TOO_MANY_DIRECTIONS =
      "D = %d directions cannot exceed the model's %d parameters";

  /** The suggestion that goes with {@link #TOO_MANY_DIRECTIONS}. */
  static final String FEWER_DIRECTIONS = "use dim <= %d";

  private Preflight() {}

  /**
   * Refuses every space, of every config given, whose {@code dim} exceeds P, all together.
   *
   * @throws ConfigException naming each space's {@code dim} with its file and line
   */
  static void requireDimensionsFit(List<ExperimentConfig> configs, long parameters) {
    Set<String> seen = new LinkedHashSet<>();
    List<ConfigProblem> problems = new ArrayList<>();
    for (ExperimentConfig config : configs) {
      for (int i = 0; i < config.spaces().size(); i++) {
        Settings settings = config.spaces().get(i).plugin().settings();
        if (!settings.has("dim") || settings.integer("dim") <= parameters) {
          continue;
        }
        ConfigProblem problem = new ConfigProblem(settings.origin("dim"), "spaces[" + i + "].dim",
            String.format(java.util.Locale.ROOT, TOO_MANY_DIRECTIONS, settings.integer("dim"),
                parameters),
            String.format(java.util.Locale.ROOT, FEWER_DIRECTIONS, parameters));
        if (seen.add(problem.describe())) {
          problems.add(problem);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }
}
