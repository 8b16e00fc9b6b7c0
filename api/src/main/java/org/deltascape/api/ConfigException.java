package org.deltascape.api;

import java.util.List;

/**
 * Every fault found in a configuration, reported together and numbered, each with where it came
 * from. Thrown before any work starts.
 */
public final class ConfigException extends DeltascapeException {
  private static final long serialVersionUID = 1L;

  private final transient List<ConfigProblem> problems;

  /** @param problems at least one problem, in the order they should be shown */
  public ConfigException(List<ConfigProblem> problems) {
    super(summary(problems), null, "Fix the configuration and run again");
    this.problems = List.copyOf(problems);
  }

  /** The problems, in order; never empty. */
  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String summary(List<ConfigProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    StringBuilder text =
        new StringBuilder("the configuration has ")
            .append(problems.size())
            .append(problems.size() == 1 ? " error:" : " errors:");
    for (int i = 0; i < problems.size(); i++) {
      text.append(System.lineSeparator())
          .append("  ")
          .append(i + 1)
          .append(". ")
          .append(problems.get(i).describe());
    }
    return text.toString();
  }
}
