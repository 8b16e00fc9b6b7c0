package org.deltascape.api;

import java.util.Objects;

/**
 * One fault in a configuration: where it is (file and line, or the key path when the value did
 * not come from a file), what is wrong, and a suggestion such as the closest valid key or id.
 *
 * @param where {@code "experiment.yaml:12"} or {@code "--set sampler.sigma"}; never null
 * @param key the dotted key path ({@code "sampler.sigma"}); never null, may be empty for the root
 * @param message what is wrong with it; never null
 * @param suggestion what to write instead, or null
 */
public record ConfigProblem(String where, String key, String message, String suggestion) {
  public ConfigProblem {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(message, "message");
  }

  /** One line: {@code where: key: message (suggestion)}. */
  public String describe() {
    StringBuilder text = new StringBuilder(where).append(": ");
    if (!key.isEmpty()) {
      text.append(key).append(": ");
    }
    text.append(message);
    if (suggestion != null && !suggestion.isBlank()) {
      text.append(" (").append(suggestion).append(')');
    }
    return text.toString();
  }
}
