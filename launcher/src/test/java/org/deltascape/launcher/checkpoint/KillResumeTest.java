package org.deltascape.launcher.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.deltascape.api.Progress;
import org.deltascape.launcher.Console;
import org.deltascape.launcher.Launcher;
import org.deltascape.launcher.discovery.PluginDiscovery;
import org.deltascape.launcher.discovery.PluginRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7: a run killed with SIGKILL (a child JVM, {@code Process.destroyForcibly}) during Monte
 * Carlo or during training, then resumed, writes result files byte-identical to a run that was
 * never interrupted.
 */
class KillResumeTest {

  static final PluginRegistry ALL = PluginDiscovery.discover(KillResumeTest.class.getClassLoader());

  static final List<String> RESULTS = List.of("delta.csv", "spectrum.csv", "weights.npy",
      "orders.npy", "directions-random.npy", "samples-random.npy", "directions-hessian.npy",
      "samples-hessian.npy");

  /** Many samples of a small model: slow enough to be killed mid-pass, quick to finish. */
  static final String MONTE_CARLO = String.join("\n",
      "name: slow-monte-carlo",
      "seed: 5",
      "dataset: { id: digits, limit: 400 }",
      "model: { id: mlp, hidden: [6], activation: tanh }",
      "training: { epochs: 2, batch-size: 40, learning-rate: 0.01 }",
      "spaces: [{ id: hessian, dim: 2 }, { id: random, dim: 2 }]",
      "sampler: { id: gaussian, sigma: 0.3, samples: 6000 }",
      "orders: 2",
      "estimators: [monte-carlo, permutation-mean]",
      "k: { step: 20 }",
      "threshold: 1.0e-3",
      "");

  /** Long training of a small model, few samples. */
  static final String TRAINING = String.join("\n",
      "name: slow-training",
      "seed: 6",
      "dataset: { id: digits, limit: 400 }",
      "model: { id: mlp, hidden: [6], activation: tanh }",
      "training: { epochs: 1000, batch-size: 40, learning-rate: 0.01 }",
      "spaces: [{ id: random, dim: 2 }]",
      "sampler: { id: gaussian, sigma: 0.3, samples: 128 }",
      "orders: 2",
      "estimators: [monte-carlo]",
      "k: { step: 20 }",
      "threshold: 1.0e-3",
      "");

  @TempDir Path dir;

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void aRunKilledDuringMonteCarloResumesToByteIdenticalResults() throws Exception {
    Path config = write("mc.yaml", MONTE_CARLO);
    Path killed = dir.resolve("killed");
    killChildWhen(config, killed, manifest -> "monte-carlo".equals(text(manifest, "stage"))
        && manifest.get("samples_done").asInt() > 0
        && manifest.get("samples_done").asInt() < manifest.get("samples").asInt());
    assertThat(killed.resolve("summary.json")).doesNotExist();

    assertThat(launch("run", "--resume", killed.toString())).isZero();
    Path whole = dir.resolve("whole");
    assertThat(launch("run", config.toString(), "--output", whole.toString())).isZero();

    assertSameResults(killed, whole);
    JsonNode summary = json(killed.resolve("summary.json"));
    assertThat(summary.get("resumed").get("stage").asText()).isEqualTo("monte-carlo");
    assertThat(summary.get("resumed").get("samples_reused").asLong()).isPositive();
    assertThat(summary.get("timings").has("train")).isFalse();
    assertThat(json(whole.resolve("summary.json")).get("timings").has("train")).isTrue();
    assertThat(withoutTimings(summary)).isEqualTo(withoutTimings(json(whole.resolve("summary.json"))));
  }

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void aRunKilledDuringTrainingResumesToByteIdenticalResults() throws Exception {
    Path config = write("train.yaml", TRAINING);
    Path killed = dir.resolve("killed");
    long[] seen = {0};
    killChildWhen(config, killed, manifest -> "started".equals(text(manifest, "stage"))
        && ++seen[0] > 20);
    assertThat(RunCheckpoint.stage(killed)).contains("started");

    assertThat(launch("run", "--resume", killed.toString())).isZero();
    Path whole = dir.resolve("whole");
    assertThat(launch("run", config.toString(), "--output", whole.toString())).isZero();
    assertSameResults(killed, whole);
    assertThat(json(killed.resolve("summary.json")).get("resumed").get("stage").asText())
        .isEqualTo("started");
  }

  private void killChildWhen(Path config, Path folder, Predicate<JsonNode> ready) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(),
        "-D" + RunCheckpoint.INTERVAL_PROPERTY + "=0.1",
        "-cp", System.getProperty("java.class.path"),
        "org.deltascape.launcher.Main", "run", config.toString(), "--output", folder.toString(),
        "--threads", "1")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(dir.resolve("child-err.txt").toFile())
        .start();
    try {
      Path manifest = folder.resolve(RunCheckpoint.FOLDER).resolve(RunCheckpoint.MANIFEST);
      long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
      boolean killed = false;
      while (!killed && child.isAlive() && System.nanoTime() < deadline) {
        JsonNode state = Files.exists(manifest) ? tryJson(manifest) : null;
        if (state != null && ready.test(state)) {
          child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
          killed = true;
        } else {
          Thread.sleep(25);
        }
      }
      assertThat(killed).as("the child was killed mid-stage; its errors: %s",
          Files.exists(dir.resolve("child-err.txt"))
              ? Files.readString(dir.resolve("child-err.txt")) : "").isTrue();
    } finally {
      child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  static void assertSameResults(Path resumed, Path whole) throws IOException {
    int compared = 0;
    for (String file : RESULTS) {
      if (Files.exists(whole.resolve(file))) {
        assertThat(Files.readAllBytes(resumed.resolve(file))).as(file)
            .isEqualTo(Files.readAllBytes(whole.resolve(file)));
        compared++;
      }
    }
    assertThat(compared).isGreaterThanOrEqualTo(5);
  }

  static JsonNode withoutTimings(JsonNode summary) {
    var copy = summary.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove(List.of("timings", "resumed"));
    var history = copy.get("model").get("history");
    history.forEach(epoch -> ((com.fasterxml.jackson.databind.node.ObjectNode) epoch).remove("seconds"));
    return copy;
  }

  private int launch(String... args) {
    Console console = new Console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    return new Launcher(ALL, console, Progress.silent()).execute(args);
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static String text(JsonNode node, String field) {
    return node.has(field) ? node.get(field).asText() : "";
  }

  static JsonNode json(Path file) throws IOException {
    return new ObjectMapper().readTree(file.toFile());
  }

  private static JsonNode tryJson(Path file) {
    try {
      return json(file);
    } catch (IOException e) {
      return null;
    }
  }
}
