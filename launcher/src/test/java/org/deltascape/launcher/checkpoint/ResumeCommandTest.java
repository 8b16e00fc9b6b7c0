package org.deltascape.launcher.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.deltascape.api.Plugin;
import org.deltascape.api.Progress;
import org.deltascape.launcher.Console;
import org.deltascape.launcher.Launcher;
import org.deltascape.launcher.discovery.PluginRegistry;
import org.deltascape.launcher.discovery.Spi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 7 in-process: resume of finished and changed runs, --from, and faults found early. */
class ResumeCommandTest {

  static final String TINY = String.join("\n",
      "name: tiny",
      "seed: 2",
      "dataset: { id: digits, limit: 300 }",
      "model: { id: mlp, hidden: [4], activation: tanh }",
      "training: { epochs: 1, batch-size: 30 }",
      "spaces: [{ id: random, dim: 2 }]",
      "sampler: { id: gaussian, sigma: 0.5, samples: 64 }",
      "orders: 2",
      "k: { step: 10 }",
      "threshold: 1.0e-3",
      "");

  private static final String NL = System.lineSeparator();

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(PluginRegistry registry, String... args) {
    out.reset();
    err.reset();
    Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Launcher(registry, console, Progress.silent()).execute(args);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path config(String text) throws Exception {
    Path file = dir.resolve("tiny.yaml");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void resumingAFinishedRunSaysSoAndDoesNothing() throws Exception {
    Path folder = dir.resolve("run");
    assertThat(run(KillResumeTest.ALL, "run", config(TINY).toString(), "--output", folder.toString()))
        .isZero();
    byte[] summary = Files.readAllBytes(folder.resolve("summary.json"));
    assertThat(run(KillResumeTest.ALL, "run", "--resume", folder.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(folder + ": the run is finished; there is nothing to resume" + NL);
    assertThat(Files.readAllBytes(folder.resolve("summary.json"))).isEqualTo(summary);
  }

  @Test
  void resumingWithAChangedConfigRefusesAndNamesTheKeys() throws Exception {
    Path folder = dir.resolve("run");
    Path file = config(TINY);
    assertThat(run(KillResumeTest.ALL, "run", file.toString(), "--output", folder.toString())).isZero();
    Files.delete(folder.resolve("summary.json"));
    assertThat(run(KillResumeTest.ALL, "run", "--resume", folder.toString(),
        "--set", "sampler.sigma=0.25", "--set", "orders=3")).isEqualTo(2);
    assertThat(err()).isEqualTo("error: the configuration has 2 errors:" + NL
        + "  1. --set: orders: differs from the run being resumed: was 2, now 3 (resume without"
        + " changes, or start a new run with another --output)" + NL
        + "  2. --set: sampler.sigma: differs from the run being resumed: was 0.5, now 0.25 (resume"
        + " without changes, or start a new run with another --output)."
        + " Fix the configuration and run again." + NL);
    Files.writeString(file, TINY.replace("dim: 2", "dim: 3"));
    assertThat(run(KillResumeTest.ALL, "run", file.toString(), "--resume", folder.toString()))
        .isEqualTo(2);
    assertThat(err()).contains("spaces.0.dim: differs from the run being resumed: was 2, now 3");
    assertThat(run(KillResumeTest.ALL, "run", "--resume", folder.toString())).isEqualTo(2);
    assertThat(err()).isEqualTo("error: the configuration has 1 error:" + NL
        + "  1. " + file.toAbsolutePath().normalize() + ": spaces.0.dim: differs from the run being"
        + " resumed: was 2, now 3 (resume without changes, or start a new run with another"
        + " --output). Fix the configuration and run again." + NL);
  }

  @Test
  void aSweepResumedAfterItsLastCheckpointReusesEverySampleAndWritesTheSameBytes() throws Exception {
    Path file = config(TINY + "sweep: { sampler.sigma: [0.25, 0.5] }\n");
    Path folder = dir.resolve("sweep");
    assertThat(run(KillResumeTest.ALL, "run", file.toString(), "--output", folder.toString())).isZero();
    byte[] delta = Files.readAllBytes(folder.resolve("delta.csv"));
    byte[] samples = Files.readAllBytes(folder.resolve("points/1/samples-random.npy"));
    Files.delete(folder.resolve("summary.json"));
    Files.delete(folder.resolve("delta.csv"));
    Files.delete(folder.resolve("points/1/samples-random.npy"));
    Files.writeString(folder.resolve("checkpoint/manifest.json"), "{\"stage\": \"monte-carlo\"}\n");
    assertThat(run(KillResumeTest.ALL, "run", "--resume", folder.toString())).isZero();
    assertThat(Files.readAllBytes(folder.resolve("delta.csv"))).isEqualTo(delta);
    assertThat(Files.readAllBytes(folder.resolve("points/1/samples-random.npy"))).isEqualTo(samples);
    var summary = KillResumeTest.json(folder.resolve("summary.json"));
    assertThat(summary.get("resumed").get("samples_reused").asLong()).isEqualTo(2 * 64);
    summary.get("points").forEach(point -> assertThat(point.get("timings").has("train")).isFalse());

    Path again = dir.resolve("again");
    assertThat(run(KillResumeTest.ALL, "run", "--from", folder.resolve("summary.json").toString(),
        "--output", again.toString())).isZero();
    assertThat(Files.readAllBytes(again.resolve("delta.csv"))).isEqualTo(delta);
  }

  @Test
  void aDamagedCheckpointIsAOneParagraphErrorAndDebugAddsTheTrace() throws Exception {
    Path folder = dir.resolve("run");
    assertThat(run(KillResumeTest.ALL, "run", config(TINY).toString(), "--output", folder.toString()))
        .isZero();
    Files.delete(folder.resolve("summary.json"));
    Path fit;
    try (var files = Files.list(folder.resolve("checkpoint"))) {
      fit = files.filter(f -> f.getFileName().toString().startsWith("fit-")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(fit);
    bytes[bytes.length - 3] ^= 1;
    Files.write(fit, bytes);
    int start = new String(bytes, StandardCharsets.ISO_8859_1).indexOf('\n') + 1;
    assertThat(run(KillResumeTest.ALL, "run", "--resume", folder.toString())).isEqualTo(1);
    assertThat(err()).isEqualTo("error: " + fit + ": the checkpoint file is damaged: the "
        + (bytes.length - start) + " bytes from byte " + start + " do not match its SHA-256."
        + " The checkpoint cannot be trusted: start the run afresh with --force." + NL);
    assertThat(run(KillResumeTest.ALL, "run", "--resume", folder.toString(), "--debug")).isEqualTo(1);
    assertThat(err()).contains("\tat org.deltascape.launcher.checkpoint.CheckpointFile.read");
  }

  @Test
  void aFreshRunRefusesAFolderWithAnUnfinishedRun() throws Exception {
    Path folder = dir.resolve("run");
    Path file = config(TINY);
    assertThat(run(KillResumeTest.ALL, "run", file.toString(), "--output", folder.toString())).isZero();
    Files.delete(folder.resolve("summary.json"));
    Files.writeString(folder.resolve("checkpoint/manifest.json"), "{\"stage\": \"trained\"}\n");
    assertThat(run(KillResumeTest.ALL, "run", file.toString(), "--output", folder.toString()))
        .isEqualTo(1);
    assertThat(err()).isEqualTo("error: " + folder + ": the run folder holds an unfinished run."
        + " Continue it with --resume " + folder + ", or pass --force to start afresh." + NL);
  }

  @Test
  void fromSummaryRerunsTheExperimentByteForByteWhateverTheDiscoveryOrder() throws Exception {
    Path first = dir.resolve("first");
    assertThat(run(KillResumeTest.ALL, "run", config(TINY).toString(), "--output", first.toString()))
        .isZero();
    List<Plugin> plugins = new ArrayList<>();
    for (Spi spi : Spi.values()) {
      KillResumeTest.ALL.plugins(spi).values().forEach(source -> plugins.add(source.plugin()));
    }
    Collections.reverse(plugins);
    Path again = dir.resolve("again");
    assertThat(run(PluginRegistry.of(plugins), "run", "--from",
        first.resolve("summary.json").toString(), "--output", again.toString())).isZero();
    for (String file : List.of("delta.csv", "spectrum.csv", "weights.npy", "orders.npy",
        "directions-random.npy", "samples-random.npy")) {
      assertThat(Files.readAllBytes(again.resolve(file))).as(file)
          .isEqualTo(Files.readAllBytes(first.resolve(file)));
    }
    assertThat(KillResumeTest.json(again.resolve("summary.json")).get("provenance").get("config"))
        .isEqualTo(KillResumeTest.json(first.resolve("summary.json")).get("provenance").get("config"));
  }

  @Test
  void aLimitBeyondTheDataIsAConfigErrorFromLoading() throws Exception {
    Path file = config(TINY.replace("limit: 300", "limit: 5000"));
    assertThat(run(KillResumeTest.ALL, "run", file.toString(), "--output", dir.resolve("a").toString()))
        .isEqualTo(2);
    assertThat(err()).startsWith("error: the configuration has 1 error:" + NL
        + "  1. " + file + ":3: dataset digits: limit = 5000: ");
    assertThat(dir.resolve("a/weights.npy")).doesNotExist();
  }

  @Test
  void aDivergingTrainingNamesEpochAndStepAndKeepsTheLastGoodWeights() throws Exception {
    Path folder = dir.resolve("run");
    Path file = config(TINY
        .replace("{ id: digits, limit: 300 }", "{ id: synthetic, examples: 300, task: regression }")
        .replace("hidden: [4], activation: tanh", "hidden: []")
        .replace("epochs: 1, batch-size: 30 }", "epochs: 3, batch-size: 30, learning-rate: 1.0e+30,"
            + " optimizer: sgd }"));
    assertThat(run(KillResumeTest.ALL, "run", file.toString(), "--output", folder.toString()))
        .isEqualTo(1);
    assertThat(err()).matches("(?s)error: training mlp: the loss became (NaN|\\+∞|−∞) at step \\d+ of"
        + " 10 in epoch \\d of 3\\. The weights of the last step whose loss was finite are in "
        + java.util.regex.Pattern.quote(folder.resolve("diverged-weights.npy").toString())
        + "\\. Lower training\\.learning-rate \\(now 1E\\+30\\), for example to 1E\\+29, and run"
        + " again\\.\\R");
    assertThat(folder.resolve("diverged-weights.npy")).exists();
  }

  @Test
  void valuesOutOfRangeAreRefusedBeforeTraining() throws Exception {
    Path file = config(TINY.replace("dim: 2", "dim: 5000")
        .replace("{ id: gaussian, sigma: 0.5, samples: 64 }", "{ id: grid, points-per-axis: 3, samples: 10 }"));
    assertThat(run(KillResumeTest.ALL, "run", file.toString(), "--output", dir.resolve("a").toString()))
        .isEqualTo(2);
    assertThat(err()).contains("1. " + file + ":7: sampler.samples: a grid of 3 points per axis in"
        + " space random (D = 5000) has ");
    Path second = config(TINY.replace("dim: 2", "dim: 5000"));
    assertThat(run(KillResumeTest.ALL, "run", second.toString(), "--output", dir.resolve("b").toString()))
        .isEqualTo(2);
    assertThat(err()).isEqualTo("error: the configuration has 1 error:" + NL
        + "  1. " + second + ":6: spaces[0].dim: D = 5000 directions cannot exceed the model's 310"
        + " parameters (use dim <= 310). Fix the configuration and run again." + NL);
    assertThat(RunCheckpoint.stage(dir.resolve("b"))).contains("started");
  }
}
