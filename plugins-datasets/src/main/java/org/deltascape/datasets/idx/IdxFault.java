package org.deltascape.datasets.idx;

import java.nio.file.Path;
import org.deltascape.api.DeltascapeException;

/**
 * The faults an IDX file can have, each a message template that names the byte offset where the
 * fault is; the file goes in {@link DeltascapeException#where()}. Tests pin every whole message.
 */
public final class IdxFault {
  /** An empty file: on disk, or after decompression. */
  public static final String EMPTY = "empty file: no data at byte offset 0 (%s)";
  /** The first four bytes are not the magic number of the expected kind of file. */
  public static final String WRONG_MAGIC =
      "wrong magic number 0x%08X at byte offset 0; an IDX file of %s starts with 0x%08X";
  /** The file ends inside its header. */
  public static final String TRUNCATED_HEADER =
      "truncated header: the data ends at byte offset %d but the header ends at byte offset %d";
  /** The header declares more data than any file this loader reads may hold. */
  public static final String HUGE_COUNT =
      "the header at byte offset 4 declares %s (%d bytes), more than the %d bytes an IDX file"
          + " may hold";
  /** The file ends before the data its header declares. */
  public static final String TRUNCATED_DATA =
      "truncated data: the data ends at byte offset %d but the header declares %s, which end at"
          + " byte offset %d";
  /** The file goes on after the data its header declares. */
  public static final String TRAILING_DATA =
      "unexpected data at byte offset %d, after the %s the header declares";
  /** The gzip stream cannot be decompressed. */
  public static final String CORRUPT_GZIP = "corrupt gzip stream at decompressed byte offset %d: %s";
  /** The labels file and the images file of a split declare different counts. */
  public static final String COUNT_MISMATCH =
      "the header at byte offset 4 declares %d labels but %s declares %d images";
  /** Images of another size than the dataset's. */
  public static final String WRONG_IMAGE_SIZE =
      "wrong image size: the header at byte offset 8 declares %d×%d images but %s";
  /** A label outside the dataset's classes. */
  public static final String LABEL_RANGE = "label %d at byte offset %d is outside 0..%d";
  /** A header that declares no items at all. */
  public static final String NO_ITEMS = "the header at byte offset 4 declares 0 items";
  /** The decompressed bytes are not the ones the configured checksum names. */
  public static final String CHECKSUM =
      "decompressed SHA-256 %s (of %d bytes) does not match the expected %s";
  /** An I/O error while reading. */
  public static final String UNREADABLE = "cannot be read at byte offset %d: %s";

  /** What to do about a damaged file. */
  public static final String FIX_DAMAGED =
      "Delete the file so that it is downloaded again, or replace it with an intact copy";

  private IdxFault() {}

  /** The exception for {@code file} with the message {@code template} filled with {@code args}. */
  public static DeltascapeException of(Path file, String template, Object... args) {
    return new DeltascapeException(String.format(template, args), file.toString(), FIX_DAMAGED);
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
