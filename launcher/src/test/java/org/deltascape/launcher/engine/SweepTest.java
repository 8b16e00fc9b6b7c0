package org.deltascape.launcher.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deltascape.api.Progress;
import org.deltascape.launcher.config.ConfigLoader;
import org.deltascape.launcher.discovery.PluginCatalog;
import org.deltascape.launcher.output.RunWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 4: a sweep runs the outer product of its values into one tidy table, sharing w*. */
class SweepTest {

  @TempDir Path dir;

  private List<RunResult> sweep(String yaml, Path folder) throws IOException {
    Path file = dir.resolve(folder.getFileName() + ".yaml");
    Files.writeString(file, yaml);
    ConfigLoader.Loaded loaded = ConfigLoader.load(PluginCatalog.of(RunFixture.REGISTRY), file,
        List.of(), List.of());
    ThreadPolicy.apply(1);
    List<RunResult> runs = new Experiment(loaded.registry(), Progress.silent()).run(loaded.plan(), folder);
    RunWriter.write(runs, loaded.plan().keys());
    return runs;
  }

  @Test
  void theOuterProductLandsInOneTableWithTheSweptValuesAsColumnsAndOneTraining() throws IOException {
    String yaml = RunFixture.SMALL.replace("spaces: [{ id: hessian, dim: 3 }]",
        "spaces: [{ id: random, dim: 3 }]")
        + "sweep: { spaces.0.dim: [1, 3], sampler.sigma: [0.1, 0.2] }\n";
    List<RunResult> runs = sweep(yaml, dir.resolve("sweep"));
    assertThat(runs).hasSize(4);
    assertThat(runs).extracting(run -> run.sweepValues().toString())
        .containsExactly("{spaces.0.dim=1, sampler.sigma=0.1}", "{spaces.0.dim=1, sampler.sigma=0.2}",
            "{spaces.0.dim=3, sampler.sigma=0.1}", "{spaces.0.dim=3, sampler.sigma=0.2}");
    assertThat(runs.get(0).timings()).containsKey("train");
    assertThat(runs.subList(1, 4)).allSatisfy(run -> assertThat(run.timings()).doesNotContainKey("train"));

    List<String> lines = Files.readAllLines(dir.resolve("sweep/delta.csv"));
    assertThat(lines.get(0)).isEqualTo(
        "space,estimator,k,examples,delta,std_error,ci_low,ci_high,delta_k2,loss_k,spaces.0.dim,sampler.sigma");
    assertThat(lines).hasSize(1 + 4 * 59);
    assertThat(lines.get(1)).endsWith(",1,0.1");
    assertThat(lines.get(lines.size() - 1)).endsWith(",3,0.2");
    assertThat(dir.resolve("sweep/points/3/directions-random.npy")).exists();

    // the point (dim 3, sigma 0.2) alone gives the same rows as inside the sweep
    RunResult alone = RunFixture.run(yaml.replace("sweep: { spaces.0.dim: [1, 3], sampler.sigma: [0.1, 0.2] }\n", ""),
        List.of("sampler.sigma=0.2"), dir.resolve("alone"));
    assertThat(alone.spaces().get(0).estimates().get(0).curve().delta())
        .isEqualTo(runs.get(3).spaces().get(0).estimates().get(0).curve().delta());
  }

  @Test
  void aBadValueInOnePointIsReportedWithItsLine() throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, RunFixture.SMALL + "sweep: { sampler.sigma: [0.1, -1.0] }\n");
    var error = org.assertj.core.api.Assertions.catchThrowableOfType(
        org.deltascape.api.ConfigException.class,
        () -> ConfigLoader.load(PluginCatalog.of(RunFixture.REGISTRY), file, List.of(), List.of()));
    assertThat(error.problems()).hasSize(1);
    assertThat(error.problems().get(0).describe())
        .isEqualTo(file + ":12: sampler.sigma: must be > 0, got -1.0");
  }

  @Test
  void paperCompatAppliesOnlyTheFirstDirectionSoDeltaDoesNotDependOnD() {
    String yaml = RunFixture.SMALL.replace("spaces: [{ id: hessian, dim: 3 }]",
        "spaces: [{ id: random, dim: 2 }]").replace("orders: 4\n", "") + "paper-compat: true\n";
    RunResult two = RunFixture.run(yaml, List.of(), dir.resolve("two"));
    RunResult five = RunFixture.run(yaml, List.of("spaces.0.dim=5"), dir.resolve("five"));
    assertThat(two.config().step()).isEqualTo(10);
    assertThat(two.orders().orders()).hasNumberOfRows(1);
    assertThat(five.spaces().get(0).estimates().get(0).curve().delta())
        .isEqualTo(two.spaces().get(0).estimates().get(0).curve().delta());
    RunResult normal = RunFixture.run(yaml.replace("paper-compat: true\n", ""), List.of(),
        dir.resolve("normal"));
    assertThat(normal.spaces().get(0).estimates().get(0).curve().delta())
        .isNotEqualTo(two.spaces().get(0).estimates().get(0).curve().delta());
  }
}
