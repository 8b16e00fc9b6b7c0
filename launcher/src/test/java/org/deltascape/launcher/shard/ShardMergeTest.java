package org.deltascape.launcher.shard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.deltascape.api.Progress;
import org.deltascape.launcher.Console;
import org.deltascape.launcher.Launcher;
import org.deltascape.launcher.discovery.PluginDiscovery;
import org.deltascape.launcher.discovery.PluginRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shards merge into the results of a single run, byte for byte, whatever n; merging refuses
 * shards of different configs, duplicated, missing or unfinished shards, naming them.
 */
class ShardMergeTest {

  private static final PluginRegistry REGISTRY =
      PluginDiscovery.discover(ShardMergeTest.class.getClassLoader());

  /** Two points × two spaces × 4 blocks of 64: 16 units, which 5 shards split across passes. */
  static final String SWEEP = String.join("\n",
      "name: sharded",
      "seed: 4",
      "dataset: { id: digits, limit: 400 }",
      "model: { id: mlp, hidden: [6], activation: tanh }",
      "training: { epochs: 2, batch-size: 40 }",
      "spaces: [{ id: hessian, dim: 2 }, { id: random, dim: 3 }]",
      "sampler: { id: gaussian, sigma: 0.3, samples: 200 }",
      "orders: 3",
      "estimators: [monte-carlo, quadratic, permutation-mean]",
      "k: { step: 10 }",
      "threshold: 1.0e-3",
      "report: false",
      "sweep: { sampler.sigma: [0.2, 0.5] }",
      "");

  @TempDir static Path shared;

  private static Path config;
  private static Path single;

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void runOnce() throws IOException {
    config = shared.resolve("sharded.yaml");
    Files.writeString(config, SWEEP);
    single = shared.resolve("single");
    assertThat(new ShardMergeTest().run("run", config.toString(), "--output", single.toString()))
        .isZero();
  }

  private int run(String... args) {
    out.reset();
    err.reset();
    Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Launcher(REGISTRY, console, Progress.silent()).execute(args);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8).strip();
  }

  private List<String> shards(Path base, int n, String... extra) {
    List<String> folders = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      Path folder = base.resolve("shard-" + i);
      List<String> args = new ArrayList<>(List.of("run", config.toString(), "--shard", i + "/" + n,
          "--output", folder.toString()));
      args.addAll(List.of(extra));
      assertThat(run(args.toArray(String[]::new))).as(err()).isZero();
      folders.add(folder.toString());
    }
    return folders;
  }

  private int merge(List<String> folders, Path output) {
    List<String> args = new ArrayList<>(List.of("merge"));
    args.addAll(folders);
    args.addAll(List.of("--output", output.toString()));
    return run(args.toArray(String[]::new));
  }

  @Test
  void one2And5ShardsMergeIntoByteIdenticalResults() throws IOException {
    Map<String, byte[]> expected = results(single);
    assertThat(expected).containsKeys("delta.csv", "spectrum.csv", "points/0/weights.npy",
        "points/1/samples-random.npy");
    for (int n : new int[] {1, 2, 5}) {
      Path base = dir.resolve("n" + n);
      List<String> folders = shards(base, n);
      assertThat(merge(folders, base.resolve("merged"))).as(err()).isZero();
      Map<String, byte[]> merged = results(base.resolve("merged"));
      assertThat(merged.keySet()).as("files with %d shards", n).isEqualTo(expected.keySet());
      merged.forEach((file, bytes) -> {
        if (file.endsWith(".json")) {
          assertThat(new String(bytes, StandardCharsets.UTF_8)).as("%s with %d shards", file, n)
              .isEqualTo(new String(expected.get(file), StandardCharsets.UTF_8));
        }
        assertThat(bytes).as("%s with %d shards", file, n).isEqualTo(expected.get(file));
      });
      ObjectNode summary = (ObjectNode) new ObjectMapper().readTree(
          base.resolve("merged/summary.json").toFile());
      assertThat(summary.path("merged").path("shards").asInt()).isEqualTo(n);
    }
  }

  @Test
  void fiveShardsSplitTheUnitsIntoContiguousNearEqualShares() throws IOException {
    List<String> folders = shards(dir, 5);
    List<String> passes = new ArrayList<>();
    for (String folder : folders) {
      passes.add(new ObjectMapper().readTree(Path.of(folder, "shard.json").toFile())
          .path("passes").toString().replace("\"", ""));
    }
    assertThat(passes).containsExactly(
        "[{point:0,space:hessian,blocks:4,from:0,to:3}]",
        "[{point:0,space:hessian,blocks:4,from:3,to:4},{point:0,space:random,blocks:4,from:0,to:2}]",
        "[{point:0,space:random,blocks:4,from:2,to:4},{point:1,space:hessian,blocks:4,from:0,to:1}]",
        "[{point:1,space:hessian,blocks:4,from:1,to:4}]",
        "[{point:1,space:random,blocks:4,from:0,to:4}]");
    // the last shard has blocks of point 1 only
    assertThat(Files.list(Path.of(folders.get(4))).map(p -> p.getFileName().toString()))
        .contains("blocks-1-random.ckpt").doesNotContain("blocks-0-random.ckpt");
  }

  @Test
  void mergingRefusesMissingDuplicatedUnfinishedAndForeignShards() throws IOException {
    List<String> folders = shards(dir, 3);
    Path out = dir.resolve("merged");

    assertThat(merge(List.of(folders.get(0), folders.get(2)), out)).isNotZero();
    assertThat(err()).isEqualTo("error: merge: 1 shard of 3 missing: 2/3. Run the missing shards"
        + " (deltascape run CONFIG --shard i/3 --output DIR for each i), then merge all 3 folders.");

    assertThat(merge(List.of(folders.get(0), folders.get(1), folders.get(1)), out)).isNotZero();
    assertThat(err()).startsWith("error: merge: shard 2/3 appears twice: " + folders.get(1) + " and "
        + folders.get(1));

    Path other = dir.resolve("other");
    assertThat(run("run", config.toString(), "--shard", "2/3", "--set", "seed=5", "--output",
        other.toString())).isZero();
    assertThat(merge(List.of(folders.get(0), other.toString(), folders.get(2)), out)).isNotZero();
    assertThat(err()).startsWith("error: merge: the shards are of different configs: " + folders.get(0)
        + " (1/3), " + folders.get(2) + " (3/3) of config ").contains("; " + other + " (2/3) of config ");

    Path four = dir.resolve("four");
    assertThat(run("run", config.toString(), "--shard", "2/4", "--output", four.toString())).isZero();
    assertThat(merge(List.of(folders.get(0), four.toString(), folders.get(2)), out)).isNotZero();
    assertThat(err()).startsWith("error: merge: the shards split the run differently: " + folders.get(0)
        + " (1/3), " + folders.get(2) + " (3/3) of 3; " + four + " (2/4) of 4");

    Path threads = dir.resolve("threads");
    assertThat(run("run", config.toString(), "--shard", "2/3", "--threads", "2", "--output",
        threads.toString())).isZero();
    assertThat(merge(List.of(folders.get(0), threads.toString(), folders.get(2)), out)).isNotZero();
    assertThat(err()).isEqualTo("error: merge: the shards ran with different ND4J thread counts,"
        + " which can change the rounding of parallel sums: " + folders.get(0) + " (1/3), "
        + folders.get(2) + " (3/3) with 1; " + threads + " (2/3) with 2. Run every shard with the"
        + " same --threads.");

    Files.delete(Path.of(folders.get(1), "shard.json"));
    assertThat(merge(folders, out)).isNotZero();
    assertThat(err()).isEqualTo("error: " + folders.get(1) + ": the folder holds no finished"
        + " shard (no shard.json). Run the shard to the end (deltascape run CONFIG --shard i/n"
        + " --output " + folders.get(1) + "), then merge.");
    assertThat(out).doesNotExist();
  }

  @Test
  void aShardValueThatIsNotIOfNIsRefused() {
    for (String bad : List.of("0/3", "4/3", "2", "a/b")) {
      assertThat(run("run", config.toString(), "--shard", bad, "--output",
          dir.resolve("x").toString())).isNotZero();
      assertThat(err()).isEqualTo("error: --shard: expected i/n with 1 ≤ i ≤ n (for example 2/8),"
          + " got " + bad + ". Give the shard's index and the number of shards, e.g. --shard"
          + " ${SLURM_ARRAY_TASK_ID}/8 with --array=1-8.");
    }
  }

  /**
   * Every result file of a run folder (not its checkpoints); summary.json without its wall-clock
   * times and the merge's own record.
   */
  private static Map<String, byte[]> results(Path folder) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path file : all.filter(Files::isRegularFile).toList()) {
        String name = folder.relativize(file).toString().replace('\\', '/');
        if (name.startsWith("checkpoint/")) {
          continue;
        }
        byte[] bytes = Files.readAllBytes(file);
        if (name.endsWith("summary.json")) {
          ObjectNode summary = (ObjectNode) new ObjectMapper().readTree(bytes);
          summary.remove(List.of("merged", "timings"));
          strip(summary);
          bytes = summary.toString().getBytes(StandardCharsets.UTF_8);
        }
        files.put(name, bytes);
      }
    }
    return files;
  }

  private static void strip(com.fasterxml.jackson.databind.JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(List.of("timings", "seconds")); // wall-clock times differ between any two runs
      object.elements().forEachRemaining(ShardMergeTest::strip);
    } else if (node.isArray()) {
      node.elements().forEachRemaining(ShardMergeTest::strip);
    }
  }
}
