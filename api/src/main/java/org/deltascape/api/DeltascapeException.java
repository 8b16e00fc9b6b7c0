package org.deltascape.api;

import java.util.Objects;

/**
 * The one exception type whose message is meant for the user: it says what went wrong, where
 * (a file and line or offset, a config key, a plugin id, a stage) and what to do about it.
 *
 * <p>The launcher prints {@link #getMessage()} as a paragraph and never a stack trace (unless
 * {@code --debug}); any other exception that reaches the launcher is a bug in deltascape or in a
 * plugin. Plugins throw this type for every fault a user can fix: a bad file, a bad value, a
 * diverging computation.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class DeltascapeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String what;
  private final String where;
  private final String fix;

  /**
   * @param what what went wrong, a sentence without a trailing full stop; never null
   * @param where where it went wrong ({@code "runs/a/config.yaml:12"}, {@code "dataset digits"}),
   *     or null when there is no better place than the run itself
   * @param fix what the user can do about it, a sentence; or null when nothing is to be done
   */
  public DeltascapeException(String what, String where, String fix) {
    this(what, where, fix, null);
  }

  /** As {@link #DeltascapeException(String, String, String)}, keeping the underlying cause. */
  public DeltascapeException(String what, String where, String fix, Throwable cause) {
    super(compose(what, where, fix), cause);
    this.what = Objects.requireNonNull(what, "what");
    this.where = where;
    this.fix = fix;
  }

  /** What went wrong; never null. */
  public String what() {
    return what;
  }

  /** Where it went wrong, or null. */
  public String where() {
    return where;
  }

  /** What to do about it, or null. */
  public String fix() {
    return fix;
  }

  private static String compose(String what, String where, String fix) {
    StringBuilder text = new StringBuilder();
    if (where != null && !where.isBlank()) {
      text.append(where).append(": ");
    }
    text.append(what);
    if (!what.endsWith(".") && !what.endsWith("?") && !what.endsWith("!")) {
      text.append('.');
    }
    if (fix != null && !fix.isBlank()) {
      text.append(' ').append(fix);
      if (!fix.endsWith(".") && !fix.endsWith("?") && !fix.endsWith("!")) {
        text.append('.');
      }
    }
    return text.toString();
  }
}
