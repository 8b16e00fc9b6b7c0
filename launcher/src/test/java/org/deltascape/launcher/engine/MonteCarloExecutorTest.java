package org.deltascape.launcher.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.deltascape.api.ConfigException;
import org.deltascape.api.PartialSums;
import org.deltascape.api.Progress;
import org.deltascape.launcher.config.YamlReader;
import org.deltascape.launcher.output.RunWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seam every other engine uses: blocks computed elsewhere, from the run's description and the
 * job alone, in any split and any order of computation, give byte-identical results.
 */
class MonteCarloExecutorTest {

  /** Two spaces, a control-variate estimator (which needs derivatives on the worker) and S = 200. */
  private static final String CONFIG = RunFixture.SMALL
      .replace("spaces: [{ id: hessian, dim: 3 }]",
          "spaces: [{ id: hessian, dim: 3 }, { id: random, dim: 2 }]")
      .replace("samples: 96", "samples: 200")
      .replace("estimators: [monte-carlo]", "estimators: [monte-carlo, monte-carlo-cv, quadratic]");

  @TempDir Path dir;

  /**
   * Computes a job's blocks as another JVM would, through {@link MonteCarloWorker} from the run's
   * description, {@code per} blocks per call, each call's blocks computed last to first.
   */
  private static final class Elsewhere implements MonteCarloExecutor {
    final RunDescription run;
    final int per;
    final List<String> calls = new ArrayList<>();

    Elsewhere(RunDescription run, int per) {
      this.run = run;
      this.per = per;
    }

    @Override
    public List<Map<String, PartialSums>> run(MonteCarloJob job, int fromBlock, int toBlock,
        BlockComputer local, Progress.Task task) {
      calls.add(job.space() + "[" + fromBlock + "," + toBlock + ")");
      BlockComputer remote = MonteCarloWorker.computer(run, job);
      List<Map<String, PartialSums>> blocks = new ArrayList<>();
      for (int block = toBlock - 1; block >= fromBlock; block--) {
        blocks.add(remote.compute(block, block + 1).get(0));
      }
      Collections.reverse(blocks);
      return blocks;
    }

    @Override
    public int blocksPerCall() {
      return per;
    }

    @Override
    public Map<String, Object> describe() {
      return Map.of("id", "elsewhere", "blocks_per_call", per);
    }
  }

  @Test
  void blocksComputedElsewhereInAnySplitGiveByteIdenticalResults() throws IOException {
    ThreadPolicy.apply(1);
    RunResult local = new Experiment(RunFixture.REGISTRY, Progress.silent())
        .run(RunFixture.config(CONFIG, List.of()), dir.resolve("local"));
    RunWriter.write(local);
    RunDescription run = new RunDescription(
        new com.fasterxml.jackson.databind.ObjectMapper()
            .writeValueAsString(YamlReader.read(CONFIG, "test.yaml").plain()),
        "test", null, List.of());
    for (int per : new int[] {1, 2, 4}) {
      Elsewhere elsewhere = new Elsewhere(run, per);
      RunResult result = new Experiment(RunFixture.REGISTRY, Progress.silent(), elsewhere)
          .run(RunFixture.config(CONFIG, List.of()), dir.resolve("per-" + per));
      RunWriter.write(result);
      for (String file : List.of("delta.csv", "spectrum.csv", "samples-hessian.npy",
          "samples-random.npy")) {
        assertThat(Files.readAllBytes(dir.resolve("per-" + per).resolve(file)))
            .as(file + " with " + per + " blocks per call")
            .isEqualTo(Files.readAllBytes(dir.resolve("local").resolve(file)));
      }
      int calls = (4 + per - 1) / per; // 200 samples are 4 blocks
      assertThat(elsewhere.calls).hasSize(2 * calls);
      assertThat(result.provenance().get("engine")).isEqualTo(elsewhere.describe());
    }
    assertThat(local.provenance().get("engine")).isEqualTo(Map.of("id", "local"));
  }

  @Test
  void aJobOfAPointTheRunDoesNotHaveIsRefused() throws IOException {
    RunDescription run = new RunDescription(
        new com.fasterxml.jackson.databind.ObjectMapper()
            .writeValueAsString(YamlReader.read(RunFixture.SMALL, "test.yaml").plain()),
        "test", null, List.of());
    MonteCarloJob job = new MonteCarloJob(3, "hessian", 64, new double[2], new double[2], 1, true);
    assertThatThrownBy(() -> MonteCarloWorker.computer(run, job))
        .hasMessage("the run has 1 points, not 4");
  }

  @Test
  void theEngineSectionChoosesTheLocalEngineOrNamesTheEnginesThereAre() {
    ClassLoader loader = getClass().getClassLoader();
    assertThat(Engines.choose(YamlReader.read("a: 1", "t.yaml"), loader).id()).isEqualTo("local");
    assertThat(Engines.choose(YamlReader.read("engine: local", "t.yaml"), loader).id())
        .isEqualTo("local");
    assertThat(Engines.executor(YamlReader.read("engine: { id: local }", "t.yaml"), null, loader))
        .isSameAs(MonteCarloExecutor.LOCAL);
    assertThatThrownBy(() -> Engines.choose(YamlReader.read("engine: { id: spark }", "t.yaml"), loader))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("t.yaml:1")
        .hasMessageContaining("engine.id: unknown engine spark: the engines on the class path are local")
        .hasMessageContaining("run with ./deltascape-spark");
    assertThatThrownBy(() -> Engines.choose(
            YamlReader.read("engine: { id: local, master: x }", "t.yaml"), loader))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("engine.master: unknown key for engine local");
    assertThatThrownBy(() -> Engines.choose(YamlReader.read("engine: [1]", "t.yaml"), loader))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("expected an engine id (local or spark) or a map with one");
  }
}
