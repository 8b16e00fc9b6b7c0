package org.deltascape.launcher.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.deltascape.api.DeltascapeException;

/**
 * What a checkpoint file holds: its metadata (read through checked accessors, each fault a
 * message naming the field) and its float64 arrays by name.
 *
 * @param fields the metadata, with the file and header offset for messages
 * @param arrays the arrays, by name, in the order written
 */
public record CheckpointContents(Fields fields, Map<String, double[]> arrays) {

  /** The array of that name. */
  public double[] array(String name) {
    double[] values = arrays.get(name);
    if (values == null) {
      throw fields.fault("arrays." + name, "missing", "an array");
    }
    return values;
  }

  /** The array of that name, which must hold {@code length} values. */
  public double[] array(String name, long length) {
    double[] values = array(name);
    if (values.length != length) {
      throw fields.fault("arrays." + name, values.length + " values long", length + " values");
    }
    return values;
  }

  /** The metadata object. */
  public JsonNode meta() {
    return fields.object(fields.header, "meta");
  }

  static CheckpointContents decode(Fields fields, byte[] bytes, int payload) {
    JsonNode declared = fields.header.get("arrays");
    if (declared == null || !declared.isArray()) {
      throw fields.fault("arrays", describe(declared), "a list of arrays");
    }
    long total = 0;
    for (JsonNode entry : declared) {
      fields.text(entry, "name");
      total += fields.integer(entry, "length", 0, Integer.MAX_VALUE - 8) * 8;
    }
    long available = bytes.length - (long) payload;
    if (total != available) {
      throw CheckpointFile.fault(fields.file, String.format(Locale.ROOT, CheckpointFile.WRONG_SIZE,
          total, available, payload));
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes, payload, bytes.length - payload)
        .order(ByteOrder.LITTLE_ENDIAN);
    Map<String, double[]> arrays = new LinkedHashMap<>();
    for (JsonNode entry : declared) {
      double[] values = new double[(int) entry.get("length").asLong()];
      for (int i = 0; i < values.length; i++) {
        values[i] = buffer.getDouble();
      }
      if (arrays.put(entry.get("name").asText(), values) != null) {
        throw fields.fault("arrays", "naming " + entry.get("name").asText() + " twice",
            "each array once");
      }
    }
    return new CheckpointContents(fields, arrays);
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "missing";
    }
    String text = node.toString();
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }

  /**
   * Checked access to a checkpoint's JSON header: a missing or mistyped field is a {@link
   * DeltascapeException} naming the field, what it is and what was expected.
   */
  public static final class Fields {
    private final Path file;
    private final JsonNode header;
    private final int offset;

    Fields(Path file, JsonNode header, int offset) {
      this.file = file;
      this.header = header;
      this.offset = offset;
    }

    /** The whole header. */
    public JsonNode header() {
      return header;
    }

    /** A text field of {@code node}. */
    public String text(JsonNode node, String name) {
      JsonNode value = node == null ? null : node.get(name);
      if (value == null || !value.isTextual()) {
        throw fault(name, describe(value), "text");
      }
      return value.asText();
    }

    /** An integer field of {@code node} within {@code [min, max]}. */
    public long integer(JsonNode node, String name, long min, long max) {
      JsonNode value = node == null ? null : node.get(name);
      if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()
          || value.asLong() < min || value.asLong() > max) {
        throw fault(name, describe(value), "an integer from " + min + " to " + max);
      }
      return value.asLong();
    }

    /** A true/false field of {@code node}. */
    public boolean bool(JsonNode node, String name) {
      JsonNode value = node == null ? null : node.get(name);
      if (value == null || !value.isBoolean()) {
        throw fault(name, describe(value), "true or false");
      }
      return value.asBoolean();
    }

    /** An object field of {@code node}. */
    public JsonNode object(JsonNode node, String name) {
      JsonNode value = node == null ? null : node.get(name);
      if (value == null || !value.isObject()) {
        throw fault(name, describe(value), "an object");
      }
      return value;
    }

    /** A list field of {@code node}. */
    public JsonNode list(JsonNode node, String name) {
      JsonNode value = node == null ? null : node.get(name);
      if (value == null || !value.isArray()) {
        throw fault(name, describe(value), "a list");
      }
      return value;
    }

    /** The fault of a field: it is {@code found}, {@code expected} was expected. */
    public DeltascapeException fault(String name, String found, String expected) {
      return CheckpointFile.fault(file, String.format(Locale.ROOT, CheckpointFile.BAD_FIELD, name,
          found, expected, offset));
    }
  }
}
