package org.deltascape.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.deltascape.api.Progress;
import org.deltascape.launcher.output.ConsoleProgress;
import org.junit.jupiter.api.Test;

/** Progress stays silent for short tasks. */
class ConsoleProgressTest {

  @Test
  void aShortTaskPrintsNothing() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Progress progress = new ConsoleProgress(new PrintStream(err, true, StandardCharsets.UTF_8), false);
    try (Progress.Task task = progress.start("quick", 10, "steps")) {
      for (int i = 0; i < 10; i++) {
        task.advance(1);
      }
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
