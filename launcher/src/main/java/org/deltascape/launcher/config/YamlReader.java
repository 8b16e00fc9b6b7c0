package org.deltascape.launcher.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deltascape.api.ConfigProblem;
import org.deltascape.api.ConfigException;
import org.deltascape.api.DeltascapeException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML into {@link ConfigNode}s that remember their file and line. Uses SnakeYAML's node
 * graph (not its object mapping), so that every value keeps its position for error messages, and
 * refuses anchors, aliases and duplicate keys rather than guessing.
 */
public final class YamlReader {

  private static final int MAX_BYTES = 1 << 20;

  private YamlReader() {}

  /** Reads a config file. */
  public static ConfigNode read(Path file) {
    String text;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new DeltascapeException(
            "the config file is larger than 1 MiB", file.toString(), "Is this the right file?");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new DeltascapeException(
          "no such config file", file.toString(), "Check the path, or run without a config for the quick start");
    } catch (java.nio.charset.MalformedInputException e) {
      throw new DeltascapeException(
          "the config file is not UTF-8 text", file.toString(), "Save it as UTF-8");
    } catch (IOException e) {
      throw new DeltascapeException(
          "cannot read the config file: " + e.getMessage(), file.toString(), null);
    }
    return read(text, file.toString());
  }

  /** Reads YAML text; {@code source} names it in messages. */
  public static ConfigNode read(String text, String source) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(0);
    options.setNestingDepthLimit(32);
    options.setCodePointLimit(MAX_BYTES);
    Node root;
    try (Reader reader = new StringReader(text)) {
      root = new Yaml(options).compose(reader);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      String problem = e.getProblem() == null ? "malformed YAML" : e.getProblem();
      throw new ConfigException(
          List.of(new ConfigProblem(source + ":" + line, "", "not valid YAML: " + problem, null)));
    } catch (YAMLException | IOException e) {
      throw new ConfigException(
          List.of(new ConfigProblem(source, "", "not valid YAML: " + e.getMessage(), null)));
    }
    if (root == null) {
      return ConfigNode.map(Map.of(), source + ":1");
    }
    List<ConfigProblem> problems = new ArrayList<>();
    ConfigNode node = convert(root, source, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    if (!node.isMap()) {
      throw new ConfigException(
          List.of(
              new ConfigProblem(
                  node.where(), "", "the config must be a map of keys to values", "start with name: ...")));
    }
    return node;
  }

  /** Parses one {@code --set} value as a YAML flow value ({@code 0.1}, {@code [2, 16]}, {@code x}). */
  public static ConfigNode readValue(String text, String where) {
    ConfigNode wrapped = read("value: " + (text.isEmpty() ? "''" : text), where);
    return relocate(wrapped.get("value"), where);
  }

  private static ConfigNode relocate(ConfigNode node, String where) {
    return switch (node.kind()) {
      case SCALAR -> ConfigNode.scalar(node.value(), where);
      case LIST -> ConfigNode.list(node.items().stream().map(n -> relocate(n, where)).toList(), where);
      case MAP -> {
        Map<String, ConfigNode> entries = new LinkedHashMap<>();
        node.entries().forEach((k, v) -> entries.put(k, relocate(v, where)));
        yield ConfigNode.map(entries, where);
      }
    };
  }

  private static ConfigNode convert(Node node, String source, List<ConfigProblem> problems) {
    String where = source + ":" + (node.getStartMark().getLine() + 1);
    if (node instanceof ScalarNode scalar) {
      return ConfigNode.scalar(scalarValue(scalar, where, problems), where);
    }
    if (node instanceof SequenceNode sequence) {
      List<ConfigNode> items = new ArrayList<>();
      for (Node item : sequence.getValue()) {
        items.add(convert(item, source, problems));
      }
      return ConfigNode.list(items, where);
    }
    MappingNode mapping = (MappingNode) node;
    Map<String, ConfigNode> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      String keyWhere = source + ":" + (keyNode.getStartMark().getLine() + 1);
      if (!(keyNode instanceof ScalarNode key)) {
        problems.add(new ConfigProblem(keyWhere, "", "a key must be plain text", null));
        continue;
      }
      entries.put(key.getValue(), convert(tuple.getValueNode(), source, problems));
    }
    return ConfigNode.map(entries, where);
  }

  private static Object scalarValue(ScalarNode scalar, String where, List<ConfigProblem> problems) {
    String text = scalar.getValue();
    Tag tag = scalar.getTag();
    try {
      if (Tag.INT.equals(tag)) {
        String digits = text.replace("_", "");
        long value = Long.decode(digits.startsWith("+") ? digits.substring(1) : digits);
        if (value == (int) value) {
          return Integer.valueOf((int) value); // not a ternary: it would promote to Long
        }
        return Long.valueOf(value);
      }
      if (Tag.FLOAT.equals(tag)) {
        String lower = text.toLowerCase(java.util.Locale.ROOT).replace("_", "");
        if (lower.endsWith(".inf")) {
          return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (lower.equals(".nan")) {
          return Double.NaN;
        }
        return Double.valueOf(lower);
      }
    } catch (NumberFormatException e) {
      problems.add(new ConfigProblem(where, "", "the number " + text + " cannot be read", null));
      return text;
    }
    if (Tag.BOOL.equals(tag)) {
      return switch (text.toLowerCase(java.util.Locale.ROOT)) {
        case "true", "yes", "on", "y" -> Boolean.TRUE;
        default -> Boolean.FALSE;
      };
    }
    if (Tag.NULL.equals(tag)) {
      return null;
    }
    return text;
  }
}
