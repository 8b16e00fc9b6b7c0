package org.deltascape.datasets.csv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.deltascape.datasets.Fingerprint;

/**
 * A CSV file read whole: its decompressed bytes' SHA-256, its header (when it has one) and its
 * rows of text cells, each with its 1-based line in the file. Gzip is recognised by the first two
 * bytes. Rows must all have as many cells as the first.
 *
 * @param path the file
 * @param sha256 SHA-256 of the decompressed bytes
 * @param header the column names, or null
 * @param rows the data rows
 * @param lines the 1-based line of each row
 * @param firstDataLine the line after the skipped lines and the header, for messages
 */
public record CsvTable(
    Path path, String sha256, List<String> header, List<String[]> rows, int[] lines,
    int firstDataLine) {

  /** The number of columns. */
  public int columns() {
    return header != null ? header.size() : rows.get(0).length;
  }

  /** Reads {@code file}, skipping {@code skipLines} lines, the next one being a header if asked. */
  public static CsvTable read(Path file, int skipLines, boolean hasHeader, char delimiter) {
    byte[] bytes = decompressed(file);
    String sha256 = Fingerprint.of(bytes);
    String text = new String(bytes, StandardCharsets.UTF_8);
    int start = 0;
    int line = 1;
    for (int skipped = 0; skipped < skipLines && start < text.length(); skipped++, line++) {
      int end = text.indexOf('\n', start);
      start = end < 0 ? text.length() : end + 1;
    }
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true)
            .setIgnoreEmptyLines(true).get();
    List<String> header = null;
    List<String[]> rows = new ArrayList<>();
    List<Integer> lineOf = new ArrayList<>();
    int position = start;
    int firstWidth = -1;
    int firstLine = 0;
    try (CSVParser parser = CSVParser.parse(text.substring(start), format)) {
      for (CSVRecord record : parser) {
        int at = start + (int) record.getCharacterPosition();
        // A record's position is where the parser started, before the empty lines it skipped.
        while (at < text.length() && (text.charAt(at) == '\n' || text.charAt(at) == '\r')) {
          at++;
        }
        for (; position < at; position++) {
          if (text.charAt(position) == '\n') {
            line++;
          }
        }
        if (firstWidth < 0) {
          firstWidth = record.size();
          firstLine = line;
        } else if (record.size() != firstWidth) {
          throw CsvFault.of(file, CsvFault.COLUMN_COUNT, line, record.size(), firstLine, firstWidth);
        }
        if (hasHeader && header == null) {
          header = record.toList();
          continue;
        }
        rows.add(record.values());
        lineOf.add(line);
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw CsvFault.of(file, CsvFault.MALFORMED, line, CsvFault.reason(e));
    }
    int dataLine = skipLines + (hasHeader ? 1 : 0);
    if (rows.isEmpty()) {
      throw CsvFault.of(file, CsvFault.EMPTY, dataLine);
    }
    return new CsvTable(
        file, sha256, header, rows, lineOf.stream().mapToInt(Integer::intValue).toArray(),
        dataLine + 1);
  }

  private static byte[] decompressed(Path file) {
    try (InputStream raw = Files.newInputStream(file)) {
      byte[] bytes = raw.readAllBytes();
      if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
          return in.readAllBytes();
        }
      }
      return bytes;
    } catch (IOException e) {
      throw CsvFault.of(file, CsvFault.UNREADABLE, CsvFault.reason(e));
    }
  }
}
