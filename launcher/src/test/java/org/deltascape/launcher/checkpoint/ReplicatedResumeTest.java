package org.deltascape.launcher.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deltascape.api.Progress;
import org.deltascape.launcher.Console;
import org.deltascape.launcher.Launcher;
import org.deltascape.launcher.engine.SizeValidation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with replicates resumes like a sweep: its plan (the replicates expanded from the kept
 * config) hashes the same, every replicate's w* and sums come back from the checkpoints and the
 * results are the same bytes. A validation that cannot check anything is recorded, not a crash.
 */
class ReplicatedResumeTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    out.reset();
    err.reset();
    Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Launcher(KillResumeTest.ALL, console, Progress.silent()).execute(args);
  }

  @Test
  void aReplicatedRunResumedAfterItsLastCheckpointWritesTheSameBytes() throws Exception {
    Path file = dir.resolve("tiny.yaml");
    Files.writeString(file, ResumeCommandTest.TINY + "replicates: 2\nreport: false\n");
    Path folder = dir.resolve("run");
    assertThat(run("run", file.toString(), "--output", folder.toString())).as(err.toString()).isZero();
    byte[] delta = Files.readAllBytes(folder.resolve("delta.csv"));
    byte[] second = Files.readAllBytes(folder.resolve("points/1/delta.csv"));
    var before = KillResumeTest.json(folder.resolve("summary.json"));
    Files.delete(folder.resolve("summary.json"));
    Files.delete(folder.resolve("delta.csv"));
    Files.delete(folder.resolve("points/1/delta.csv"));
    Files.writeString(folder.resolve("checkpoint/manifest.json"), "{\"stage\": \"monte-carlo\"}\n");

    assertThat(run("run", "--resume", folder.toString())).as(err.toString()).isZero();
    assertThat(Files.readAllBytes(folder.resolve("delta.csv"))).isEqualTo(delta);
    assertThat(Files.readAllBytes(folder.resolve("points/1/delta.csv"))).isEqualTo(second);
    var after = KillResumeTest.json(folder.resolve("summary.json"));
    assertThat(after.get("replicates")).isEqualTo(before.get("replicates"));
    assertThat(after.get("resumed").get("samples_reused").asLong()).isEqualTo(2 * 64);
    after.get("points").forEach(point -> assertThat(point.get("timings").has("train")).isFalse());
  }

  @Test
  void aValidationWhoseSizeWasNotReachedIsSkippedWithTheReasonAndTheResultsStay() throws Exception {
    Path file = dir.resolve("tiny.yaml");
    Files.writeString(file, ResumeCommandTest.TINY.replace("threshold: 1.0e-3", "threshold: 1.0e-12")
        + "validation: { replicates: 1 }\n");
    Path folder = dir.resolve("unreached");
    assertThat(run("run", file.toString(), "--output", folder.toString())).as(err.toString()).isZero();
    assertThat(folder.resolve("delta.csv")).isNotEmptyFile();
    assertThat(folder.resolve(SizeValidation.CSV)).doesNotExist();
    String reason = "K(ε) was not reached in space random by estimator monte-carlo (Δ_K ≥ ε), so there"
        + " is no size to check";
    assertThat(KillResumeTest.json(folder.resolve(SizeValidation.JSON)).get("skipped").asText())
        .isEqualTo(reason);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("validation skipped: " + reason + ".");
    assertThat(Files.readString(folder.resolve("report.html")))
        .contains("<p>The size validation was skipped: " + reason + ".</p>");
    assertThat(RunCheckpoint.stage(folder)).contains(RunCheckpoint.FINISHED);
  }
}
