package org.deltascape.launcher.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.deltascape.api.Progress;
import org.deltascape.launcher.Console;
import org.deltascape.launcher.Launcher;
import org.deltascape.launcher.discovery.PluginRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deltascape report} and {@code deltascape compare} as a user meets them: whole messages, exit codes. */
class ReportCommandsTest {

  private static final String NL = System.lineSeparator();
  private static final String OTHER_SHA = "1111111111112222222222223333333333334444444444445555555555556666";

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Launcher(PluginRegistry.of(List.of()), console, Progress.silent()).execute(args);
  }

  @Test
  void reportSaysWhatItWrote() {
    Path folder = ReportFixture.write(dir.resolve("run"));
    assertThat(run("report", folder.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("wrote " + folder.resolve("report.html") + ", "
        + folder.resolve("table.tex") + " and 11 pictures in " + folder.resolve("figures") + " (PNG, SVG and PDF)" + NL);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void reportOfAFolderWithoutARunFails() {
    Path folder = dir.resolve("empty");
    folder.toFile().mkdirs();
    assertThat(run("report", folder.toString())).isEqualTo(Launcher.RUN_FAILURE);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("error: " + folder.resolve("summary.json")
        + ": the file is missing. Pass a folder written by `deltascape run` (it holds summary.json, delta.csv and"
        + " spectrum.csv)." + NL);
  }

  @Test
  void compareWritesOnePageOfComparableRuns() {
    Path a = ReportFixture.write(dir.resolve("a"), "first", ReportFixture.SHA, "mlp", 2410);
    Path b = ReportFixture.write(dir.resolve("b"), "second", ReportFixture.SHA, "mlp", 2410);
    Path output = dir.resolve("compare");
    assertThat(run("compare", a.toString(), b.toString(), "--output", output.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("compared 2 runs: wrote " + output.resolve("report.html") + NL);
    assertThat(output.resolve("table.tex")).content().contains("    first & hessian & monte-carlo & ")
        .contains("    second & random\\_10 & permutation-mean & $8.52 \\times 10^{-4}$ & 3 & [3, 3] & 30 & 17.7 \\\\");
    assertThat(output.resolve("figures/delta-compare.png")).isNotEmptyFile();
    assertThat(output.resolve("figures/delta-compare.svg")).isNotEmptyFile();
    assertThat(output.resolve("figures/delta-compare.pdf")).isNotEmptyFile();
  }

  @Test
  void compareRefusesRunsOfOtherDataOrAnotherModelAndSaysWhy() {
    Path a = ReportFixture.write(dir.resolve("a"), "first", ReportFixture.SHA, "mlp", 2410);
    Path b = ReportFixture.write(dir.resolve("b"), "second", OTHER_SHA, "mlp", 2410);
    Path c = ReportFixture.write(dir.resolve("c"), "third", ReportFixture.SHA, "cnn", 5000);
    assertThat(run("compare", a.toString(), b.toString(), c.toString(), "--output", dir.resolve("x").toString()))
        .isEqualTo(Launcher.BAD_USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("error: cannot compare these runs:" + NL
        + "  " + b + " is not comparable with " + a + ": the dataset differs (SHA-256 111111111111 against"
        + " 6ebb3d2fee24)" + NL
        + "  " + c + " is not comparable with " + a + ": the model differs (cnn with 5000 parameters against mlp"
        + " with 2410)" + NL);
    assertThat(dir.resolve("x")).doesNotExist();
  }
}
