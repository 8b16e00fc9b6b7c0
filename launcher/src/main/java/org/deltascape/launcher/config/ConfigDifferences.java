package org.deltascape.launcher.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The keys in which two canonical configs differ, compared as JSON trees (so that key order,
 * spelling of numbers and whitespace do not count): dotted paths with list items by index, each
 * with its value before and after.
 */
public final class ConfigDifferences {

  /**
   * One differing key.
   *
   * @param key the dotted path ({@code sampler.sigma}, {@code spaces.0.dim})
   * @param before its value in the first config ({@code absent} when missing)
   * @param after its value in the second config ({@code absent} when missing)
   */
  public record Difference(String key, String before, String after) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private ConfigDifferences() {}

  /** The differences between two canonical configs, in key order. */
  public static List<Difference> between(String before, String after) {
    List<Difference> differences = new ArrayList<>();
    try {
      compare("", JSON.readTree(before), JSON.readTree(after), differences);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a canonical config is not JSON", e);
    }
    return differences;
  }

  private static void compare(String path, JsonNode a, JsonNode b, List<Difference> out) {
    if (a != null && b != null && a.isObject() && b.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      a.fieldNames().forEachRemaining(keys::add);
      b.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        compare(path.isEmpty() ? key : path + "." + key, a.get(key), b.get(key), out);
      }
    } else if (a != null && b != null && a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        compare(path + "." + i, a.get(i), b.get(i), out);
      }
    } else if (!same(a, b)) {
      out.add(new Difference(path.isEmpty() ? "(the whole config)" : path, text(a), text(b)));
    }
  }

  private static boolean same(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.asDouble() == b.asDouble();
    }
    return a.equals(b);
  }

  private static String text(JsonNode node) {
    return node == null ? "absent" : node.toString();
  }
}
