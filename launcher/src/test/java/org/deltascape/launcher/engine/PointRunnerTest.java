package org.deltascape.launcher.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.PartialSums;
import org.deltascape.api.Progress;
import org.deltascape.launcher.config.ConfigLoader;
import org.deltascape.launcher.config.SweepPlan;
import org.deltascape.launcher.config.YamlReader;
import org.deltascape.launcher.discovery.PluginCatalog;
import org.deltascape.launcher.output.RunWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole points run elsewhere: the driver prepares the fits several points share, the points are
 * run from the run's description and the prepared journal in other "JVMs" (everything crosses as
 * Java-serialized bytes, in slices, last slice first), and the files written are the single-JVM
 * run's, byte for byte.
 */
class PointRunnerTest {

  /**
   * A sweep of 4 points × 2 replicates, a nested Hessian space (built once at the largest D), a
   * random one, a landscape and a trace, so that every part of a result crosses the wire.
   */
  private static final String SWEEP = RunFixture.SMALL
      .replace("spaces: [{ id: hessian, dim: 3 }]",
          "spaces: [{ id: hessian, dim: 3 }, { id: random, dim: 2 }]")
      .replace("estimators: [monte-carlo]", "estimators: [monte-carlo, quadratic]")
      + "landscape: { grid: 3, radius: 0.5, k: [1], spaces: [hessian] }\n"
      + "curvature: { trace: { id: hutchinson, probes: 4 } }\n"
      + "replicates: 2\n"
      + "sweep: { spaces.0.dim: [1, 3], sampler.sigma: [0.1, 0.2] }\n";

  @TempDir Path dir;

  /** Runs points "elsewhere": slices of the points, each from bytes, in reverse order. */
  private static final class Cluster implements MonteCarloExecutor {
    final RunDescription run;
    final int slices;
    final List<String> preparedFits = new ArrayList<>();
    final List<String> preparedDirections = new ArrayList<>();
    final Map<Integer, Map<String, Double>> timings = new TreeMap<>();
    long advanced;

    Cluster(RunDescription run, int slices) {
      this.run = run;
      this.slices = slices;
    }

    @Override
    public Optional<PointRunner> points(SweepPlan plan) {
      return Optional.of((driverPlan, indices, prepared, task) -> {
        preparedFits.addAll(prepared.fitKeys());
        preparedDirections.addAll(prepared.directionsKeys());
        byte[] journal = bytes(prepared);
        RunResult[] results = new RunResult[indices.size()];
        for (int slice = slices - 1; slice >= 0; slice--) {
          List<Integer> mine = new ArrayList<>();
          for (int i = slice; i < indices.size(); i += slices) {
            mine.add(indices.get(i));
          }
          List<String> hashes = mine.stream().map(index -> Provenance.sha256(
              driverPlan.points().get(index).config().canonical())).toList();
          MonteCarloWorker.points(run, mine, hashes, (MemoryJournal) object(journal),
              (result, index) -> {
                timings.put(index, result.timings());
                results[indices.indexOf(index)] = (RunResult) object(bytes(result));
                task.advance(1);
                advanced++;
              });
        }
        return Arrays.asList(results);
      });
    }

    @Override
    public List<Map<String, PartialSums>> run(MonteCarloJob job, int fromBlock, int toBlock,
        BlockComputer local, Progress.Task task) {
      throw new AssertionError("a runner of whole points computes no block on the driver");
    }

    @Override
    public Map<String, Object> describe() {
      return Map.of("id", "cluster", "slices", slices);
    }
  }

  static byte[] bytes(Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ObjectOutputStream stream = new ObjectOutputStream(out)) {
      stream.writeObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static Object object(byte[] bytes) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  private ConfigLoader.Loaded load(String name, String yaml) throws IOException {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, yaml);
    return ConfigLoader.load(PluginCatalog.of(RunFixture.REGISTRY), file, List.of(), List.of());
  }

  private static RunDescription description(String yaml) throws IOException {
    return new RunDescription(new ObjectMapper()
        .writeValueAsString(YamlReader.read(yaml, "test.yaml").plain()), "test", null, List.of());
  }

  @Test
  void pointsRunElsewhereFromThePreparedFitsWriteTheSingleJvmRunsFiles() throws IOException {
    ThreadPolicy.apply(1);
    ConfigLoader.Loaded loaded = load("sweep", SWEEP);
    assertThat(loaded.plan().points()).hasSize(8);
    List<RunResult> local = new Experiment(loaded.registry(), Progress.silent())
        .run(loaded.plan(), dir.resolve("local"));
    RunWriter.write(local, loaded.plan().keys());

    Cluster cluster = new Cluster(description(SWEEP), 3);
    MemoryJournal checkpoints = new MemoryJournal();
    List<RunResult> elsewhere = new Experiment(loaded.registry(), Progress.silent(), cluster)
        .run(loaded.plan(), dir.resolve("elsewhere"), checkpoints);
    RunWriter.write(elsewhere, loaded.plan().keys());

    assertSameFiles(dir.resolve("elsewhere"), dir.resolve("local"));
    assertThat(dir.resolve("elsewhere/points/7/spectrum.csv")).exists();
    assertThat(cluster.advanced).isEqualTo(8);
    // the two replicates' fits were trained on the driver, each shared by its 4 points, with
    // each space (both nested in D) built once per fit at the largest D
    assertThat(cluster.preparedFits).hasSize(2);
    assertThat(cluster.preparedDirections).hasSize(2 * 2);
    assertThat(checkpoints.fitKeys()).isEqualTo(cluster.preparedFits);
    assertThat(checkpoints.directionsKeys()).isEqualTo(cluster.preparedDirections);
    // every slice restored the fits it met and built no space
    assertThat(cluster.timings.values()).hasSize(8).allSatisfy(laps -> assertThat(laps)
        .doesNotContainKeys("train", "space:hessian", "space:random"));
    assertThat(cluster.timings.values()).filteredOn(laps -> laps.containsKey("resume-weights"))
        .hasSize(3 * 2); // slices {0, 3, 6}, {1, 4, 7}, {2, 5}: each restores both fits once

    assertThat(elsewhere).allSatisfy(result -> {
      assertThat(result.folder()).isEqualTo(dir.resolve("elsewhere"));
      assertThat(result.provenance().get("engine")).isEqualTo(cluster.describe());
    });
    assertThat(elsewhere.get(5).config()).isSameAs(loaded.plan().points().get(5).config());
  }

  @Test
  void replicatesThatShareNothingTrainWhereTheirPointsRun() throws IOException {
    ThreadPolicy.apply(1);
    String yaml = RunFixture.SMALL + "replicates: 3\n";
    ConfigLoader.Loaded loaded = load("replicates", yaml);
    List<RunResult> local = new Experiment(loaded.registry(), Progress.silent())
        .run(loaded.plan(), dir.resolve("local"));
    RunWriter.write(local, loaded.plan().keys());

    Cluster cluster = new Cluster(description(yaml), 2);
    List<RunResult> elsewhere = new Experiment(loaded.registry(), Progress.silent(), cluster)
        .run(loaded.plan(), dir.resolve("elsewhere"));
    RunWriter.write(elsewhere, loaded.plan().keys());

    assertSameFiles(dir.resolve("elsewhere"), dir.resolve("local"));
    assertThat(cluster.preparedFits).isEmpty();
    assertThat(cluster.preparedDirections).isEmpty();
    assertThat(cluster.timings.values()).hasSize(3)
        .allSatisfy(laps -> assertThat(laps).containsKeys("train", "space:hessian"));
  }

  @Test
  void preparedPointsRunInAnyOrderFromTheJournalAsTheRunRunsThem() throws IOException {
    ThreadPolicy.apply(1);
    ConfigLoader.Loaded loaded = load("four", RunFixture.SMALL
        + "sweep: { spaces.0.dim: [1, 3], sampler.sigma: [0.1, 0.2] }\n");
    Experiment experiment = new Experiment(loaded.registry(), Progress.silent());
    List<RunResult> run = experiment.run(loaded.plan(), dir.resolve("run"));
    MemoryJournal prepared = new MemoryJournal();
    experiment.prepare(loaded.plan(), dir.resolve("prepared"), prepared);
    // one w*, and one Hessian space solved at the largest D of the sweep, 3
    assertThat(prepared.fitKeys()).hasSize(1);
    assertThat(prepared.directionsKeys()).hasSize(1);
    assertThat(prepared.savedDirections(prepared.directionsKeys().get(0)).orElseThrow().getKey()
        .dimension()).isEqualTo(3);

    List<RunResult> points = experiment.runPoints(loaded.plan(), List.of(3, 0), null, prepared);
    assertThat(points).hasSize(2);
    for (int i = 0; i < 2; i++) {
      RunResult alone = points.get(i);
      RunResult inRun = run.get(List.of(3, 0).get(i));
      assertThat(alone.timings()).doesNotContainKeys("train", "space:hessian");
      assertThat(alone.weights()).isEqualTo(inRun.weights());
      assertThat(alone.spaces().get(0).estimates().get(0).curve().delta())
          .isEqualTo(inRun.spaces().get(0).estimates().get(0).curve().delta());
      assertThat(alone.spaces().get(0).thetas()).isEqualTo(inRun.spaces().get(0).thetas());
    }
    assertThatThrownBy(() -> experiment.runPoints(loaded.plan(), List.of(1, 1), null, prepared))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("points [1, 1] are not distinct points of a plan of 4");
  }

  @Test
  void aPointThatBindsToAnotherConfigWhereItRunsIsRefused() throws IOException {
    RunDescription run = description(RunFixture.SMALL + "replicates: 2\n");
    assertThatThrownBy(() -> MonteCarloWorker.points(run, List.of(1), List.of("abc"),
            new MemoryJournal(), (result, index) -> { }))
        .isInstanceOf(DeltascapeException.class)
        .hasMessage("point 1: the point binds to another config in this JVM than where it was"
            + " sent from (canonical config SHA-256 abc there, "
            + Provenance.sha256(load("two", RunFixture.SMALL + "replicates: 2\n").plan().points()
                .get(1).config().canonical())
            + " here). Give every node the same deltascape and plugin jars.");
  }

  @Test
  void aResultCrossesJvmsWithoutItsConfigAndFolder() {
    ThreadPolicy.apply(1);
    RunResult result = RunFixture.run(RunFixture.SMALL
        + "landscape: { grid: 3, radius: 0.5, k: [1], spaces: [hessian] }\n", List.of(),
        dir.resolve("one"));
    RunResult back = (RunResult) object(bytes(result));
    assertThat(back.config()).isNull();
    assertThat(back.folder()).isNull();
    assertThat(back.spaces().get(0).landscape().surface())
        .isDeepEqualTo(result.spaces().get(0).landscape().surface());
    assertThat(back.spaces().get(0).directions().basis())
        .isEqualTo(result.spaces().get(0).directions().basis());
    assertThat(back.spaces().get(0).estimates().get(0).curve().delta())
        .isEqualTo(result.spaces().get(0).estimates().get(0).curve().delta());
    assertThat(back.spaces().get(0).estimates().get(0).sufficient())
        .isEqualTo(result.spaces().get(0).estimates().get(0).sufficient());
    assertThat(back.model()).isEqualTo(result.model());
    assertThat(back.provenance()).isEqualTo(result.provenance());
    assertThat(back.curvature()).isSameAs(CurvatureResult.NONE);
  }

  /**
   * Every file of {@code actual} equals {@code expected}'s, byte for byte, but summary.json, whose
   * wall-clock timings and engine entry may differ and are left out.
   */
  private static void assertSameFiles(Path actual, Path expected) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(expected)) {
      files = walk.filter(Files::isRegularFile).map(expected::relativize).sorted().toList();
    }
    try (Stream<Path> walk = Files.walk(actual)) {
      assertThat(walk.filter(Files::isRegularFile).map(actual::relativize).sorted().toList())
          .isEqualTo(files);
    }
    assertThat(files).contains(Path.of("delta.csv"), Path.of("spectrum.csv"),
        Path.of("summary.json"));
    for (Path file : files) {
      if (file.getFileName().toString().equals("summary.json")) {
        assertThat(withoutClocks(actual.resolve(file))).as(file.toString())
            .isEqualTo(withoutClocks(expected.resolve(file)));
      } else {
        assertThat(Files.readAllBytes(actual.resolve(file))).as(file.toString())
            .isEqualTo(Files.readAllBytes(expected.resolve(file)));
      }
    }
  }

  /** A summary without what measures time or names the engine. */
  static JsonNode withoutClocks(Path summary) throws IOException {
    JsonNode root = new ObjectMapper().readTree(summary.toFile());
    strip(root);
    return root;
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove("timings");
      object.remove("seconds");
      if (object.has("engine") && object.has("config_sha256")) {
        object.remove("engine");
      }
    }
    node.forEach(PointRunnerTest::strip);
  }
}
