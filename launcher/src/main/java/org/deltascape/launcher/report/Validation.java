package org.deltascape.launcher.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.deltascape.launcher.engine.SizeValidation;
import org.deltascape.launcher.output.Spread;

/**
 * A run folder's size validation, as {@code deltascape validate-size} or a config's {@code
 * validation:} block wrote it: {@code validation.csv} (one row per fresh model) and {@code
 * validation.json} (the space, estimator and K(ε) checked, or why the check was skipped). A
 * folder with only the csv (written before the json existed) takes K(ε) of the run's first space
 * and of monte-carlo (else the first estimator), which is what the command checks by default.
 *
 * @param rows the models, in file order (empty when skipped)
 * @param record validation.json, or a missing node
 * @param kExamples K(ε) in examples, the marker of the picture, or -1 when unknown
 */
public record Validation(List<Validation.Row> rows, JsonNode record, long kExamples) {

  /**
   * One model of validation.csv.
   *
   * @param examples n, the examples it trained on
   * @param replicate its training seed's index
   * @param trainLoss its mean loss on its n examples
   * @param trainAccuracy its accuracy there
   * @param testLoss its mean loss on the test split
   * @param testAccuracy its accuracy there
   */
  public record Row(int examples, int replicate, double trainLoss, double trainAccuracy,
      double testLoss, double testAccuracy) {}

  public Validation {
    rows = List.copyOf(rows);
  }

  /** The validation of a run folder, or null when it has none. */
  static Validation read(RunFolder run) {
    Path csv = run.folder().resolve(SizeValidation.CSV);
    Path json = run.folder().resolve(SizeValidation.JSON);
    JsonNode record = Files.exists(json) ? RunSummary.parse(json) : MissingNode.getInstance();
    if (!Files.exists(csv) && !record.has("skipped")) {
      return null;
    }
    List<Row> rows = record.has("skipped") ? List.of() : CsvTable.read(csv, SizeValidation.COLUMNS,
        row -> new Row(row.integer("examples"), row.integer("replicate"), row.number("train_loss"),
            row.number("train_accuracy"), row.number("test_loss"), row.number("test_accuracy")));
    long k = record.path("k_examples").asLong(-1);
    if (!record.has("k_examples")) {
      RunSummary.Sufficient size = defaultSize(run.summary());
      k = size == null ? -1 : size.examples();
    }
    return new Validation(rows, record, k);
  }

  /** Why the validation was skipped, or null. */
  public String skipped() {
    return record.has("skipped") ? record.path("skipped").asText() : null;
  }

  /** The space checked, or null when the folder does not say. */
  public String space() {
    return record.has("space") ? record.path("space").asText() : null;
  }

  /** The estimator checked, or null when the folder does not say. */
  public String estimator() {
    return record.has("estimator") ? record.path("estimator").asText() : null;
  }

  /** The sizes n, increasing. */
  public List<Integer> sizes() {
    return rows.stream().map(Row::examples).distinct().sorted().toList();
  }

  /** The test loss of the models trained on n examples, over the models. */
  public Spread testLoss(int n) {
    return Spread.of(rows.stream().filter(row -> row.examples() == n).mapToDouble(Row::testLoss).toArray());
  }

  /** The test accuracy of the models trained on n examples (no finite values for a regression). */
  public Spread testAccuracy(int n) {
    return Spread.of(rows.stream().filter(row -> row.examples() == n).mapToDouble(Row::testAccuracy).toArray());
  }

  /** Models per size (the most of any size). */
  public long models() {
    return sizes().stream().mapToLong(n -> rows.stream().filter(row -> row.examples() == n).count())
        .max().orElse(0);
  }

  private static RunSummary.Sufficient defaultSize(RunSummary summary) {
    Iterator<String> spaces = summary.at("sufficient").fieldNames();
    if (!spaces.hasNext()) {
      return null;
    }
    String space = spaces.next();
    JsonNode estimators = summary.at("sufficient").path(space);
    String estimator = estimators.has("monte-carlo") ? "monte-carlo"
        : estimators.fieldNames().hasNext() ? estimators.fieldNames().next() : null;
    return estimator == null ? null : summary.sufficient(space, estimator);
  }
}
