package org.deltascape.datasets.csv;

import java.nio.file.Path;
import org.deltascape.api.DeltascapeException;

/**
 * The faults of a CSV file, each a message template naming the 1-based line and, where there is
 * one, the column; the file goes in {@link DeltascapeException#where()}.
 */
public final class CsvFault {
  /** No data rows. */
  public static final String EMPTY = "empty file: no data rows after line %d";
  /** A row with another number of columns than the first. */
  public static final String COLUMN_COUNT = "line %d has %d columns but line %d has %d";
  /** An empty cell. */
  public static final String MISSING_VALUE = "line %d, column %s: missing value";
  /** A cell that should be a number. */
  public static final String NOT_A_NUMBER = "line %d, column %s: \"%s\" is not a number";
  /** A label the {@code labels} mapping lacks. */
  public static final String UNKNOWN_LABEL =
      "line %d, column %s: label \"%s\" is not in the labels mapping %s";
  /** A column name or index that the file does not have. */
  public static final String UNKNOWN_COLUMN = "no column %s; the columns are %s";
  /** A file that cannot be read or decompressed. */
  public static final String UNREADABLE = "cannot be read: %s";
  /** A malformed CSV (an unterminated quote). */
  public static final String MALFORMED = "malformed CSV after line %d: %s";

  /** What to do about a bad file. */
  public static final String FIX = "Correct the file, or choose other columns";

  private CsvFault() {}

  /** The exception for {@code file} with {@code template} filled with {@code args}. */
  public static DeltascapeException of(Path file, String template, Object... args) {
    return new DeltascapeException(String.format(template, args), file.toString(), FIX);
  }

  /**
   * Why a library failed, in words: the innermost message without the Java class names that
   * libraries prefix to it (a user cannot act on those).
   */
  static String reason(Throwable thrown) {
    Throwable root = thrown;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? thrown.getMessage() : root.getMessage();
    if (message == null) {
      return "the file ended or could not be read";
    }
    return message.replaceAll("([a-z][A-Za-z0-9_]*\\.)*[A-Z][A-Za-z0-9_]*(Exception|Error):\\s*", "")
        .strip();
  }
}
