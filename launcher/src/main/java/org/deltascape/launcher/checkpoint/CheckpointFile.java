package org.deltascape.launcher.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deltascape.api.DeltascapeException;
import org.deltascape.launcher.output.AtomicFiles;

/**
 * One checkpoint file: a first line {@code deltascape-checkpoint 1 <sha256>}, a one-line JSON
 * header (kind, config hash, metadata, the arrays' names and lengths), then the arrays as
 * little-endian float64. The SHA-256 covers everything after the first line, so a damaged file
 * is refused rather than trusted; sizes are checked against the file before anything is
 * allocated. Doubles are kept bit for bit, which is what makes a resumed run byte-identical.
 */
public final class CheckpointFile {

  /** The format version written and read. */
  static final int VERSION = 1;

  /** Checkpoints larger than this are refused unread. */
  static final long MAX_BYTES = 1L << 31;

  static final String FIX = "The checkpoint cannot be trusted: start the run afresh with --force";
  static final String TOO_LARGE =
      "the checkpoint file is %d bytes, larger than any checkpoint deltascape writes (at byte 0)";
  static final String NOT_A_CHECKPOINT =
      "the file is not a deltascape checkpoint: its first line is not"
          + " 'deltascape-checkpoint <version> <sha256>' (at byte 0)";
  static final String UNSUPPORTED_VERSION =
      "the checkpoint has format version %s; this deltascape reads version %d (at byte 22)";
  static final String DAMAGED =
      "the checkpoint file is damaged: the %d bytes from byte %d do not match its SHA-256";
  static final String BAD_HEADER = "the checkpoint's header is not valid JSON at byte %d (%s)";
  static final String WRONG_KIND = "the file holds a checkpoint of %s, not of %s (header at byte %d)";
  static final String OTHER_CONFIG =
      "the checkpoint belongs to another config (SHA-256 %s, this run's %s; header at byte %d)";
  static final String WRONG_SIZE =
      "the checkpoint declares %d bytes of arrays, but %d bytes follow its header (at byte %d)";
  static final String BAD_FIELD = "the checkpoint's field %s is %s; expected %s (header at byte %d)";
  static final String UNREADABLE = "the checkpoint file cannot be read (%s)";
  static final String MISSING = "the checkpoint file is missing";

  private static final String MAGIC = "deltascape-checkpoint";
  private static final Pattern FIRST_LINE = Pattern.compile(MAGIC + " ([0-9]{1,9}) ([0-9a-f]{64})");
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private CheckpointFile() {}

  /**
   * Writes a checkpoint atomically.
   *
   * @param kind what it holds ({@code "fit"}, {@code "directions"}, {@code "monte-carlo"}, …)
   * @param configHash the SHA-256 of the run's canonical config
   * @param meta small JSON-able values (numbers, text, lists, maps)
   * @param arrays float64 arrays by name, in order
   */
  public static void write(Path file, String kind, String configHash, Map<String, Object> meta,
      Map<String, double[]> arrays) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("kind", kind);
    header.put("config_sha256", configHash);
    header.put("meta", meta);
    List<Map<String, Object>> declared = new ArrayList<>();
    long bytes = 0;
    for (Map.Entry<String, double[]> array : arrays.entrySet()) {
      declared.add(Map.of("name", array.getKey(), "length", array.getValue().length));
      bytes += 8L * array.getValue().length;
    }
    header.put("arrays", declared);
    byte[] head;
    try {
      head = (JSON.writeValueAsString(header) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a checkpoint header could not be written", e);
    }
    ByteBuffer body = ByteBuffer.allocate(Math.toIntExact(head.length + bytes))
        .order(ByteOrder.LITTLE_ENDIAN);
    body.put(head);
    arrays.values().forEach(values -> {
      for (double value : values) {
        body.putDouble(value);
      }
    });
    byte[] content = body.array();
    String first = MAGIC + " " + VERSION + " " + sha256(content, 0, content.length) + "\n";
    AtomicFiles.write(file, out -> {
      out.write(first.getBytes(StandardCharsets.US_ASCII));
      out.write(content);
    });
  }

  /**
   * Reads a checkpoint of the given kind written for the given config (any config when {@code
   * configHash} is null).
   *
   * @throws DeltascapeException naming the file, the fault and its byte offset when the file is
   *     missing, damaged, of another kind or of another config
   */
  public static CheckpointContents read(Path file, String kind, String configHash) {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw fault(file, String.format(Locale.ROOT, TOO_LARGE, size));
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw fault(file, MISSING);
    } catch (IOException e) {
      throw fault(file, String.format(Locale.ROOT, UNREADABLE, "an input or output error"));
    }
    int firstEnd = indexOf(bytes, 0, Math.min(bytes.length, 128));
    Matcher first = firstEnd < 0 ? null
        : FIRST_LINE.matcher(new String(bytes, 0, firstEnd, StandardCharsets.ISO_8859_1));
    if (first == null || !first.matches()) {
      throw fault(file, NOT_A_CHECKPOINT);
    }
    if (!first.group(1).equals(Integer.toString(VERSION))) {
      throw fault(file, String.format(Locale.ROOT, UNSUPPORTED_VERSION, first.group(1), VERSION));
    }
    int start = firstEnd + 1;
    if (!sha256(bytes, start, bytes.length - start).equals(first.group(2))) {
      throw fault(file, String.format(Locale.ROOT, DAMAGED, bytes.length - start, start));
    }
    int headEnd = indexOf(bytes, start, bytes.length);
    if (headEnd < 0) {
      throw fault(file, String.format(Locale.ROOT, BAD_HEADER, start, "it has no end of line"));
    }
    JsonNode header;
    try {
      header = JSON.readTree(new String(bytes, start, headEnd - start, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw fault(file, String.format(Locale.ROOT, BAD_HEADER, start,
          "column " + e.getLocation().getColumnNr()));
    }
    CheckpointContents.Fields fields = new CheckpointContents.Fields(file, header, start);
    String found = fields.text(header, "kind");
    if (!found.equals(kind)) {
      throw fault(file, String.format(Locale.ROOT, WRONG_KIND, found, kind, start));
    }
    String hash = fields.text(header, "config_sha256");
    if (configHash != null && !hash.equals(configHash)) {
      throw fault(file, String.format(Locale.ROOT, OTHER_CONFIG, abbreviate(hash),
          abbreviate(configHash), start));
    }
    return CheckpointContents.decode(fields, bytes, headEnd + 1);
  }

  static DeltascapeException fault(Path file, String what) {
    return new DeltascapeException(what, file.toString(), FIX);
  }

  private static String abbreviate(String hash) {
    return hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
  }

  private static int indexOf(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** SHA-256 of a byte range, lower-case hex. */
  static String sha256(byte[] bytes, int from, int length) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(bytes, from, length);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
