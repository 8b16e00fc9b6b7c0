package org.deltascape.datasets.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.DatasetContext;
import org.deltascape.api.DatasetProvider;
import org.deltascape.api.LoadedData;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
import org.deltascape.datasets.ArrayDataset;
import org.deltascape.datasets.FeatureMatrix;
import org.deltascape.datasets.KeyedSettings;
import org.deltascape.datasets.RowOrder;
import org.deltascape.datasets.TargetMatrix;

/**
 * {@code csv}: a table of numbers from a CSV file (plain or gzipped), one example per row, read
 * with Apache Commons CSV.
 *
 * <p>The label is one column (by name with {@code header: true}, or 0-based index; the last by
 * default), the features the listed columns (all others by default). Classification labels are
 * mapped to classes by {@code labels} (a list, whose positions are the classes, or a map from
 * label to class) or, by default, by sorting the distinct labels (numerically when all are
 * numbers); the mapping goes into the notes. Regression uses the label column as the one target.
 *
 * <p>Rows are in file order, or shuffled with the run's data seed ({@code order: shuffled}, stream
 * {@code (seed, "dataset/csv/order", 0)}); then the last {@code test-fraction} of them (rounded)
 * are the test split, unless {@code test-path} names a test file; then {@code limit} keeps the
 * first rows of the train split, and {@code normalize} is fitted on the train split and applied
 * to both. {@link org.deltascape.api.Dataset#sha256()} is the SHA-256 of the decompressed file a
 * split comes from.
 */
public final class CsvProvider implements DatasetProvider {
  static final String BAD_DELIMITER = "expected one character";
  static final String BAD_LABELS = "expected a list of labels or a map from label to class 0..n−1";
  static final String NO_FEATURES = "leaves no feature columns besides the label";
  static final String BOTH_TESTS = "test-fraction and test-path cannot both be given";
  static final String EMPTY_SPLIT = "leaves %d train and %d test rows of %d; both need at least 1";
  static final String TOO_LARGE_LIMIT = "is more than the %d rows of the train split";

  private static final List<ConfigKey> KEYS =
      List.of(
          ConfigKey.string("path", null, "the CSV file, plain or .gz").mandatory(),
          ConfigKey.bool("header", false, "whether the first row (after skip-lines) names the columns"),
          ConfigKey.integer("skip-lines", 0, "lines to skip before the header or data").atLeast(0),
          ConfigKey.string("delimiter", ",", "the character between cells"),
          ConfigKey.string("label", null, "the label column, by name or 0-based index (default: last)"),
          ConfigKey.strings("features", null, "the feature columns (default: all but the label)"),
          ConfigKey.any("labels", null, "label to class: a list (position = class) or a map"),
          ConfigKey.choice("task", "classification", "classification or regression",
              "classification", "regression"),
          ConfigKey.real("test-fraction", null, "the last fraction of rows held out as test")
              .atLeast(0).atMost(0.99),
          ConfigKey.string("test-path", null, "a CSV file of the same columns as the test split"),
          ConfigKey.integer("limit", null, "keep the first N rows of the train split").atLeast(1),
          ConfigKey.choice("order", "natural", "the file's order, or shuffled with the run's data seed",
              "natural", "shuffled"),
          ConfigKey.choice("normalize", "none", "feature scaling fitted on the train split",
              "none", "standard", "minmax"));

  @Override
  public String id() {
    return "csv";
  }

  @Override
  public String description() {
    return "a table of numbers from a CSV file (plain or gzipped): features and a label column";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return KEYS;
  }

  @Override
  public LoadedData load(Settings settings, DatasetContext context) {
    KeyedSettings config = new KeyedSettings(settings, KEYS);
    String delimiter = config.string("delimiter");
    if (delimiter.length() != 1) {
      throw config.invalid("delimiter", BAD_DELIMITER, "Write delimiter: \";\" for example");
    }
    if (config.has("test-fraction") && config.has("test-path")) {
      throw config.invalid("test-path", BOTH_TESTS, "Remove one of them");
    }
    int skip = config.integer("skip-lines");
    boolean header = config.bool("header");
    char separator = delimiter.charAt(0);
    CsvTable trainTable = CsvTable.read(Path.of(config.string("path")), skip, header, separator);
    CsvColumns columns =
        CsvColumns.resolve(trainTable, config.optionalString("label"), config.optionalStrings("features"));
    if (columns.features().length == 0) {
      throw config.invalid("features", NO_FEATURES, "Name at least one feature column");
    }
    CsvTable testTable = config.has("test-path")
        ? CsvTable.read(Path.of(config.string("test-path")), skip, header, separator)
        : null;
    boolean regression = config.string("task").equals("regression");
    List<String> notes = new ArrayList<>();
    Map<String, Integer> classes = null;
    if (!regression) {
      classes = config.has("labels") ? mapping(config) : automatic(columns, trainTable, testTable);
      notes.add("csv: classes " + classes);
    }
    CsvRows train = CsvRows.parse(trainTable, columns, classes);
    CsvRows test = testTable == null ? null : CsvRows.parse(testTable, columns, classes);
    if (config.string("order").equals("shuffled")) {
      train = train.select(RowOrder.shuffled(train.size(),
          new RandomKey(context.seed(), "dataset/csv/order", 0)));
      notes.add("csv: rows shuffled with data seed " + context.seed());
    }
    if (config.has("test-fraction")) {
      int n = train.size();
      int held = (int) Math.round(config.real("test-fraction") * n);
      if (held < 1 || held >= n) {
        throw config.invalid("test-fraction", String.format(EMPTY_SPLIT, n - held, held, n),
            "Use a larger test-fraction or a larger file");
      }
      test = train.select(range(n - held, n));
      train = train.select(range(0, n - held));
    }
    if (config.has("limit")) {
      int limit = config.integer("limit");
      if (limit > train.size()) {
        throw config.invalid("limit", String.format(TOO_LARGE_LIMIT, train.size()),
            "Use a limit of at most " + train.size());
      }
      train = train.select(range(0, limit));
    }
    String normalize = config.string("normalize");
    if (!normalize.equals("none")) {
      ColumnScaling scaling = ColumnScaling.fit(normalize, train.features(), train.size(), train.width());
      train.scale(scaling);
      if (test != null) {
        test.scale(scaling);
      }
      notes.add("csv: " + normalize + " scaling fitted on the " + train.size() + " train rows");
    }
    int outputs = regression ? 1 : classes.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    return new LoadedData(
        dataset("csv/train", train, outputs, trainTable.sha256()),
        test == null ? null : dataset("csv/test", test, outputs,
            testTable != null ? testTable.sha256() : trainTable.sha256()),
        notes);
  }

  private static ArrayDataset dataset(String name, CsvRows rows, int outputs, String sha256) {
    TargetMatrix targets = rows.classes() != null
        ? TargetMatrix.ofClasses(rows.classes(), outputs)
        : TargetMatrix.ofValues(rows.size(), 1, rows.values());
    return new ArrayDataset(name, List.of(rows.width()),
        FeatureMatrix.ofFloats(rows.size(), rows.width(), rows.features()), targets, sha256);
  }

  private static int[] range(int from, int to) {
    int[] indices = new int[to - from];
    Arrays.setAll(indices, i -> from + i);
    return indices;
  }

  private static Map<String, Integer> mapping(KeyedSettings config) {
    Object value = config.value("labels");
    Map<String, Integer> classes = new LinkedHashMap<>();
    if (value instanceof List<?> list) {
      for (Object label : list) {
        if (label == null || classes.put(label.toString(), classes.size()) != null) {
          throw config.invalid("labels", BAD_LABELS, "List each label once");
        }
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getValue() instanceof Integer c) || c < 0 || c >= map.size()) {
          throw config.invalid("labels", BAD_LABELS, "Map each label to a class 0.." + (map.size() - 1));
        }
        classes.put(String.valueOf(entry.getKey()), c);
      }
    }
    if (classes.size() < 2) {
      throw config.invalid("labels", BAD_LABELS, "Give at least two labels");
    }
    return classes;
  }

  private static Map<String, Integer> automatic(CsvColumns columns, CsvTable... tables) {
    List<String> labels = new ArrayList<>();
    for (CsvTable table : tables) {
      if (table != null) {
        table.rows().forEach(row -> labels.add(row[columns.label()]));
      }
    }
    boolean numeric = labels.stream().allMatch(CsvRows::isNumber);
    TreeSet<String> sorted = numeric
        ? new TreeSet<>((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)))
        : new TreeSet<>();
    sorted.addAll(labels);
    Map<String, Integer> classes = new LinkedHashMap<>();
    sorted.forEach(label -> classes.put(label, classes.size()));
    return classes;
  }
}
