package org.deltascape.datasets.digits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.DatasetContext;
import org.deltascape.api.DatasetProvider;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.LoadedData;
import org.deltascape.api.Settings;
import org.deltascape.datasets.ArrayDataset;
import org.deltascape.datasets.FeatureMatrix;
import org.deltascape.datasets.Fingerprint;
import org.deltascape.datasets.KeyedSettings;
import org.deltascape.datasets.RowOrder;
import org.deltascape.datasets.TargetMatrix;

/**
 * {@code digits}: the UCI "Optical Recognition of Handwritten Digits" data (E. Alpaydin, C.
 * Kaynak, 1998; CC BY 4.0), 1,797 8×8 images with 64 integer pixels 0..16, bundled as the
 * {@code digits.csv.gz} that scikit-learn ships (see the repository's NOTICE).
 *
 * <p>Pixels are divided by 16, so features lie in [0, 1]. The split is fixed: the last {@code
 * test-size} rows of the file are the test split, the first {@code 1797 − test-size} the train
 * split; {@code limit} keeps the first rows of the train split. The bundled file's SHA-256 is
 * checked on every load. {@link org.deltascape.api.Dataset#sha256()} of both splits is the
 * SHA-256 of the decompressed CSV (the split and limit are in the config, which provenance
 * records next to it).
 */
public final class DigitsProvider implements DatasetProvider {
  /** The number of rows of the bundled file. */
  public static final int ROWS = 1797;
  /** SHA-256 of the bundled {@code digits.csv.gz} (as in shared/data/SOURCES.md). */
  public static final String GZIP_SHA256 =
      "46abec6b12486ad9e51943373abcf22bbea1b5a51a1619b361570d8893f1464a";

  static final String RESOURCE = "/org/deltascape/datasets/digits.csv.gz";
  static final String CORRUPT_RESOURCE =
      "the bundled digits.csv.gz has SHA-256 %s, not the %s recorded in NOTICE";
  static final String BAD_ROW = "line %d of the bundled digits.csv has %s";
  static final String TOO_LARGE_LIMIT =
      "is more than the %d examples of the train split (1797 rows minus test-size %d)";
  static final String TOO_LARGE_TEST = "leaves no train examples of the 1797 rows";

  private static final int PIXELS = 64;
  private static final int CLASSES = 10;
  private static final double PIXEL_SCALE = 1.0 / 16.0;

  private static final List<ConfigKey> KEYS =
      List.of(
          ConfigKey.integer(
                  "test-size", 297, "rows at the end of the file held out as the test split")
              .atLeast(0),
          ConfigKey.integer("limit", null, "keep only the first N examples of the train split")
              .atLeast(1),
          ConfigKey.bool("flatten", true, "input shape [64] (true) or [1, 8, 8] (false)"));

  @Override
  public String id() {
    return "digits";
  }

  @Override
  public String description() {
    return "UCI handwritten digits, 1,797 8×8 images in [0, 1], bundled (CC BY 4.0)";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return KEYS;
  }

  @Override
  public LoadedData load(Settings settings, DatasetContext context) {
    KeyedSettings config = new KeyedSettings(settings, KEYS);
    int testSize = config.integer("test-size");
    if (testSize >= ROWS) {
      throw config.invalid("test-size", TOO_LARGE_TEST, "Use a test-size below 1797");
    }
    int trainSize = ROWS - testSize;
    Integer limit = config.optionalInteger("limit");
    if (limit != null && limit > trainSize) {
      throw config.invalid(
          "limit",
          String.format(TOO_LARGE_LIMIT, trainSize, testSize),
          "Use a limit of at most " + trainSize + " or a smaller test-size");
    }
    byte[] csv = decompressedResource();
    String sha256 = Fingerprint.of(csv);
    byte[] pixels = new byte[ROWS * PIXELS];
    int[] labels = new int[ROWS];
    parse(csv, pixels, labels);
    List<Integer> shape = config.bool("flatten") ? List.of(PIXELS) : List.of(1, 8, 8);
    ArrayDataset all =
        new ArrayDataset(
            "digits",
            shape,
            FeatureMatrix.ofBytes(ROWS, PIXELS, pixels, 0, PIXEL_SCALE, 0),
            TargetMatrix.ofClasses(labels, CLASSES),
            sha256);
    int kept = limit == null ? trainSize : limit;
    ArrayDataset train = all.select("digits/train", RowOrder.head(RowOrder.natural(ROWS), kept));
    ArrayDataset test = null;
    if (testSize > 0) {
      int[] tail = new int[testSize];
      for (int i = 0; i < testSize; i++) {
        tail[i] = trainSize + i;
      }
      test = all.select("digits/test", tail);
    }
    return new LoadedData(
        train,
        test,
        List.of(
            "digits: train rows 1.." + kept + ", test rows " + (trainSize + 1) + "..1797 of "
                + "digits.csv (decompressed SHA-256 " + sha256 + ")"));
  }

  private static byte[] decompressedResource() {
    try (InputStream in = DigitsProvider.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      byte[] gzip = in.readAllBytes();
      String actual = Fingerprint.of(gzip);
      if (!actual.equals(GZIP_SHA256)) {
        throw new DeltascapeException(
            String.format(CORRUPT_RESOURCE, actual, GZIP_SHA256),
            "dataset digits",
            "Rebuild deltascape from a clean checkout");
      }
      try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
        return unzipped.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses 1797 lines of 65 comma-separated integers without boxing. */
  private static void parse(byte[] csv, byte[] pixels, int[] labels) {
    int row = 0;
    int column = 0;
    int value = 0;
    boolean digits = false;
    for (int i = 0; i <= csv.length; i++) {
      int c = i < csv.length ? csv[i] : '\n';
      if (c >= '0' && c <= '9') {
        value = value * 10 + (c - '0');
        digits = true;
      } else if (c == '.') {
        // "3.0": skip the fraction, which is always zero in this file.
        while (i + 1 < csv.length && csv[i + 1] >= '0' && csv[i + 1] <= '9') {
          i++;
        }
      } else if (c == ',' || c == '\n') {
        if (!digits) {
          if (c == '\n' && column == 0) {
            continue;
          }
          throw badRow(row, "an empty value in column " + (column + 1));
        }
        if (row >= ROWS) {
          throw badRow(row, "more rows than " + ROWS);
        }
        if (column < PIXELS) {
          if (value > 16) {
            throw badRow(row, "pixel " + value + " above 16");
          }
          pixels[row * PIXELS + column] = (byte) value;
        } else if (column == PIXELS && value < CLASSES) {
          labels[row] = value;
        } else {
          throw badRow(row, column == PIXELS ? "label " + value : "more than 65 values");
        }
        column++;
        value = 0;
        digits = false;
        if (c == '\n') {
          if (column != PIXELS + 1) {
            throw badRow(row, column + " values, not 65");
          }
          row++;
          column = 0;
        }
      } else if (c != '\r' && c != ' ') {
        throw badRow(row, "the character '" + (char) c + "'");
      }
    }
    if (row != ROWS) {
      throw badRow(row, "the end of the file after " + row + " rows, not " + ROWS);
    }
  }

  private static DeltascapeException badRow(int row, String what) {
    return new DeltascapeException(
        String.format(BAD_ROW, row + 1, what),
        "dataset digits",
        "Rebuild deltascape from a clean checkout");
  }
}
