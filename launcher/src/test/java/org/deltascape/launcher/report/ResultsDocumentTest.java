package org.deltascape.launcher.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/RESULTS.md is generated: regenerating it from the runs kept under docs/runs (in name
 * order, as the shell's glob in the generating command lists them) and docs/results-notes.md
 * gives the file byte for byte, so every number in it is a run's.
 */
class ResultsDocumentTest {

  private static final Path DOCS = Path.of("..", "docs");

  @Test
  void theResultsDocumentIsExactlyWhatTheKeptRunsGenerate() throws IOException {
    List<Path> runs;
    try (Stream<Path> folders = Files.list(DOCS.resolve("runs"))) {
      runs = folders.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(runs).isNotEmpty();
    String notes = Files.readString(DOCS.resolve("results-notes.md"), StandardCharsets.UTF_8);
    assertThat(ResultsDocument.render(runs, notes))
        .isEqualTo(Files.readString(DOCS.resolve("RESULTS.md"), StandardCharsets.UTF_8));
  }
}
