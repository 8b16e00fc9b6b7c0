package org.deltascape.launcher.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deltascape.api.DeltascapeException;

/**
 * A typed view of a run's {@code summary.json}: what the pictures, the report and the comparison
 * need. Optional numbers the run wrote as null (non-finite) read as NaN.
 *
 * @param file where it was read from
 * @param root the whole document (for the provenance and anything not typed here)
 */
public record RunSummary(Path file, JsonNode root) {

  static final String NOT_JSON = "not valid JSON: %s";
  static final String MISSING_KEY = "summary.json has no %s";
  static final String WRONG_TYPE = "%s: expected %s, got %s";

  /** A model's score on one split. */
  public record Score(double loss, double accuracy, long examples) {}

  /** The plateau V of one estimator in one space, with its standard error. */
  public record Plateau(double value, double stdError) {}

  /** K(ε) of one estimator in one space: its interval over orders and K·b examples. */
  public record Sufficient(double epsilon, long k, long kLow, long kHigh, long examples) {}

  /**
   * Reads and checks {@code summary.json}.
   *
   * @throws DeltascapeException when it is missing, not JSON, or lacks a key every run writes
   */
  public static RunSummary read(Path file) {
    RunSummary summary = new RunSummary(file, parse(file));
    summary.require("name");
    summary.integer("data.block_size");
    summary.integer("data.examples");
    summary.require("model.id");
    summary.integer("model.parameters");
    return summary;
  }

  /**
   * The JSON document of a summary file, unchecked.
   *
   * @throws DeltascapeException when it is missing or not JSON
   */
  static JsonNode parse(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new DeltascapeException(CsvTable.MISSING_FILE, file.toString(), CsvTable.FIX_MISSING);
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new DeltascapeException(String.format(NOT_JSON, e.getOriginalMessage()),
          file + (line > 0 ? ":" + line : ""), CsvTable.FIX_EDITED);
    } catch (IOException e) {
      throw new DeltascapeException(String.format(CsvTable.UNREADABLE, e.getMessage()), file.toString(),
          CsvTable.FIX_EDITED, e);
    }
    return root == null ? NullNode.getInstance() : root;
  }

  /** The run's name. */
  public String name() {
    return require("name").asText();
  }

  /** b, the examples per step of k. */
  public int blockSize() {
    return (int) integer("data.block_size");
  }

  /** N, the training examples. */
  public long examples() {
    return integer("data.examples");
  }

  /** The dataset's name. */
  public String datasetName() {
    return at("data.name").asText("");
  }

  /** The dataset's SHA-256, from the provenance (or the data section of older runs). */
  public String datasetSha256() {
    JsonNode sha = at("provenance.dataset_sha256");
    return sha.isTextual() ? sha.asText() : at("data.sha256").asText("");
  }

  /** The model plugin's id. */
  public String modelId() {
    return require("model.id").asText();
  }

  /** P, the model's parameter count. */
  public long parameters() {
    return integer("model.parameters");
  }

  /** The score on the training data, or null. */
  public Score train() {
    return score(at("model.train"));
  }

  /** The score on the test split, or null. */
  public Score test() {
    return score(at("model.test"));
  }

  /** Per epoch of training, every number the run recorded (epoch, loss, seconds, ...). */
  public List<Map<String, Double>> history() {
    List<Map<String, Double>> epochs = new ArrayList<>();
    for (JsonNode epoch : at("model.history")) {
      Map<String, Double> values = new LinkedHashMap<>();
      epoch.fields().forEachRemaining(field -> values.put(field.getKey(), number(field.getValue())));
      epochs.add(values);
    }
    return epochs;
  }

  /** The plateau V of an estimator in a space, or null when the run has none. */
  public Plateau plateau(String space, String estimator) {
    JsonNode node = require("plateau").path(space).path(estimator);
    return node.isObject() ? new Plateau(number(node.path("value")), number(node.path("std_error"))) : null;
  }

  /** K(ε) of an estimator in a space, or null when the run has none. */
  public Sufficient sufficient(String space, String estimator) {
    JsonNode node = require("sufficient").path(space).path(estimator);
    return node.isObject()
        ? new Sufficient(number(node.path("epsilon")), node.path("k").asLong(-1), node.path("k_low").asLong(-1),
            node.path("k_high").asLong(-1), node.path("examples").asLong(-1))
        : null;
  }

  /** Seconds per stage, in the order the stages ran, with {@code total} last. */
  public Map<String, Double> timings() {
    Map<String, Double> timings = new LinkedHashMap<>();
    at("timings").fields().forEachRemaining(field -> timings.put(field.getKey(), number(field.getValue())));
    return timings;
  }

  /** The provenance record (config, hashes, versions), or a missing node. */
  public JsonNode provenance() {
    return at("provenance");
  }

  /** The node at a dotted path, or a missing node. */
  public JsonNode at(String path) {
    JsonNode node = root;
    for (String key : path.split("\\.")) {
      node = node.path(key);
    }
    return node;
  }

  private JsonNode require(String path) {
    JsonNode node = at(path);
    if (node.isMissingNode() || node.isNull()) {
      throw new DeltascapeException(String.format(MISSING_KEY, path), file.toString(), CsvTable.FIX_EDITED);
    }
    return node;
  }

  private long integer(String path) {
    JsonNode node = require(path);
    if (!node.canConvertToLong() || !node.isIntegralNumber()) {
      throw new DeltascapeException(String.format(WRONG_TYPE, path, "an integer", node),
          file.toString(), CsvTable.FIX_EDITED);
    }
    return node.asLong();
  }

  private static Score score(JsonNode node) {
    return node.isObject()
        ? new Score(number(node.path("loss")), number(node.path("accuracy")), node.path("examples").asLong())
        : null;
  }

  private static double number(JsonNode node) {
    return node.isNumber() ? node.asDouble() : Double.NaN;
  }
}
