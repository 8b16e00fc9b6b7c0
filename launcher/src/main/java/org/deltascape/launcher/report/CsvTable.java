package org.deltascape.launcher.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.deltascape.api.DeltascapeException;

/**
 * A CSV file of a run folder read row by row into records, with every fault reported as a
 * {@link DeltascapeException} naming the file, the line and what was expected.
 */
final class CsvTable {

  static final String MISSING_FILE = "the file is missing";
  static final String FIX_MISSING =
      "Pass a folder written by `deltascape run` (it holds summary.json, delta.csv and spectrum.csv)";
  static final String MISSING_COLUMNS = "the header has no column %s (it has %s)";
  static final String WRONG_FIELDS = "the row has %d fields but the header has %d";
  static final String NOT_A_NUMBER = "column %s: expected a number, got \"%s\"";
  static final String NOT_AN_INTEGER = "column %s: expected an integer, got \"%s\"";
  static final String UNREADABLE = "cannot read the file: %s";
  static final String FIX_EDITED =
      "The file was edited or written by another version of deltascape: restore it or rerun the run";

  /** One row: typed access to its fields, with errors that name the file, line and column. */
  static final class Row {
    private final Path file;
    private final CSVRecord record;
    private final long line;

    private Row(Path file, CSVRecord record, long line) {
      this.file = file;
      this.record = record;
      this.line = line;
    }

    String text(String column) {
      return record.get(column);
    }

    double number(String column) {
      String value = record.get(column).trim();
      try {
        return Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw fault(String.format(NOT_A_NUMBER, column, value));
      }
    }

    int integer(String column) {
      return Math.toIntExact(longInteger(column));
    }

    long longInteger(String column) {
      String value = record.get(column).trim();
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw fault(String.format(NOT_AN_INTEGER, column, value));
      }
    }

    private DeltascapeException fault(String what) {
      return new DeltascapeException(what, file + ":" + line, FIX_EDITED);
    }
  }

  private CsvTable() {}

  /**
   * Reads every row of {@code file}, which must have at least the given columns.
   *
   * @throws DeltascapeException when the file is missing, unreadable or malformed
   */
  static <T> List<T> read(Path file, List<String> columns, Function<Row, T> rowMapper) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      Map<String, Integer> header = parser.getHeaderMap();
      List<String> missing = columns.stream().filter(column -> !header.containsKey(column)).toList();
      if (!missing.isEmpty()) {
        throw new DeltascapeException(
            String.format(MISSING_COLUMNS, String.join(", ", missing), String.join(", ", parser.getHeaderNames())),
            file + ":1", FIX_EDITED);
      }
      List<T> rows = new ArrayList<>();
      long line = 2;
      for (CSVRecord record : parser) {
        if (record.size() != header.size()) {
          throw new DeltascapeException(String.format(WRONG_FIELDS, record.size(), header.size()),
              file + ":" + line, FIX_EDITED);
        }
        rows.add(rowMapper.apply(new Row(file, record, line)));
        line = parser.getCurrentLineNumber() + 1;
      }
      return rows;
    } catch (NoSuchFileException e) {
      throw new DeltascapeException(MISSING_FILE, file.toString(), FIX_MISSING);
    } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      throw new DeltascapeException(String.format(UNREADABLE, e.getMessage()), file.toString(), FIX_EDITED, e);
    }
  }
}
