package org.deltascape.launcher.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deltascape.api.ConfigException;
import org.deltascape.launcher.checkpoint.RunCheckpoint;
import org.deltascape.launcher.discovery.PluginDiscovery;
import org.deltascape.launcher.discovery.PluginRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code replicates:} and {@code validation:} keys: their plan, canonical form and faults. */
class ReplicatesConfigTest {

  private static final PluginRegistry REGISTRY =
      PluginDiscovery.discover(ReplicatesConfigTest.class.getClassLoader());

  private static final String NL = System.lineSeparator();

  private static final String BASE = String.join("\n",
      "name: r",
      "dataset: { id: digits }",
      "model: { id: mlp }",
      "spaces: [{ id: random, dim: 2 }]",
      "threshold: 0.1",
      "");

  @TempDir Path dir;

  private Path file(String text) throws Exception {
    Path file = dir.resolve("r.yaml");
    Files.writeString(file, text);
    return file;
  }

  private SweepPlan plan(String text) throws Exception {
    return ConfigLoader.load(org.deltascape.launcher.discovery.PluginCatalog.of(REGISTRY), file(text),
        List.of(), List.of()).plan();
  }

  @Test
  void replicatesAreTheLastSweptKeyEachTrainingFromTheNextSeed() throws Exception {
    SweepPlan plan = plan(BASE + "seed: 7\nreplicates: 3\nsweep: { sampler.sigma: [0.1, 1.0] }\n");
    assertThat(plan.keys()).containsExactly("sampler.sigma", "replicate");
    assertThat(plan.replicated()).isTrue();
    assertThat(plan.replicatesOnly()).isFalse();
    assertThat(plan.points()).extracting(point -> point.values().toString()).containsExactly(
        "{sampler.sigma=0.1, replicate=0}", "{sampler.sigma=0.1, replicate=1}", "{sampler.sigma=0.1, replicate=2}",
        "{sampler.sigma=1.0, replicate=0}", "{sampler.sigma=1.0, replicate=1}", "{sampler.sigma=1.0, replicate=2}");
    assertThat(plan.points()).extracting(point -> point.config().seeds().training())
        .containsExactly(7L, 8L, 9L, 7L, 8L, 9L);
    assertThat(plan.points()).extracting(point -> point.config().seeds().order()).containsOnly(7L);
    assertThat(plan.points()).extracting(point -> point.config().seeds().sampling()).containsOnly(7L);
    assertThat(plan.points()).extracting(point -> point.config().replicates()).containsOnly(1);
  }

  @Test
  void aReplicateIsTheExperimentOfItsSeedAndOneReplicateChangesNothing() throws Exception {
    SweepPlan replicated = plan(BASE + "seeds: { training: 4 }\nreplicates: 2\n");
    assertThat(replicated.replicatesOnly()).isTrue();
    assertThat(replicated.points().get(1).config().canonical())
        .isEqualTo(plan(BASE + "seeds: { training: 5 }\n").points().get(0).config().canonical());
    String plain = plan(BASE).points().get(0).config().canonical();
    assertThat(plan(BASE + "replicates: 1\n").points().get(0).config().canonical()).isEqualTo(plain);
    assertThat(plain).doesNotContain("replicates").doesNotContain("validation");
    assertThat(plan(BASE + "replicates: 1\n").keys()).isEmpty();
  }

  /**
   * A resume binds the run's kept config tree again and compares the plan's hash with the one the
   * run started with: the expansion must give the same points in the same order every time.
   */
  @Test
  void theReplicatedPlanHashesTheSameOnEveryBinding() throws Exception {
    String text = BASE + "replicates: 3\nvalidation: { replicates: 2 }\n";
    assertThat(RunCheckpoint.hash(plan(text))).isEqualTo(RunCheckpoint.hash(plan(text)));
    assertThat(RunCheckpoint.hash(plan(text))).isNotEqualTo(RunCheckpoint.hash(plan(text.replace("3", "4"))));
  }

  @Test
  void theValidationBlockResolvesItsDefaultsIntoTheCanonicalConfig() throws Exception {
    ExperimentConfig config = plan(BASE.replace("spaces: [{ id: random, dim: 2 }]",
        "spaces: [{ id: random, dim: 2 }, { id: hessian, dim: 2 }]")
        + "estimators: [permutation-mean, monte-carlo]\nvalidation: {}\n").points().get(0).config();
    assertThat(config.validation()).isEqualTo(new ExperimentConfig.ValidationSpec("random", "monte-carlo", 3));
    assertThat(config.canonical())
        .contains("\"validation\":{\"estimator\":\"monte-carlo\",\"replicates\":3,\"space\":\"random\"}");
  }

  @Test
  void badReplicatesAreConfigErrorsWithFileAndLine() throws Exception {
    for (String[] bad : new String[][] {{"0", "must be >= 1, got 0"}, {"-2", "must be >= 1, got -2"},
        {"1.5", "expected an integer, got 1.5"}, {"three", "expected an integer, got \"three\""}}) {
      Path file = file(BASE + "replicates: " + bad[0] + "\n");
      assertThatThrownBy(() -> ConfigLoader.load(REGISTRY, file, List.of()))
          .isInstanceOf(ConfigException.class)
          .hasMessage("the configuration has 1 error:" + NL + "  1. " + file + ":6: replicates: " + bad[1]
              + ". Fix the configuration and run again.");
    }
  }

  @Test
  void badValidationBlocksAreConfigErrorsWithFileAndLine() throws Exception {
    Path file = file(BASE + "validation: { replicate: 2, space: randm, estimator: quadratic, replicates: 0 }\n"
        + "estimators: [monte-carlo, permutation-mean]\n");
    assertThatThrownBy(() -> ConfigLoader.load(REGISTRY, file, List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("the configuration has 4 errors:" + NL
            + "  1. " + file + ":6: validation.replicate: unknown key for validation (did you mean replicates?)" + NL
            + "  2. " + file + ":6: validation.replicates: must be >= 1, got 0" + NL
            + "  3. " + file + ":6: validation.space: no space is named randm; the spaces are random (did you"
            + " mean random?)" + NL
            + "  4. " + file + ":6: validation.estimator: the run has no estimator quadratic; its estimators are"
            + " monte-carlo, permutation-mean. Fix the configuration and run again.");
    Path list = file(BASE + "validation: [space]\n");
    assertThatThrownBy(() -> ConfigLoader.load(REGISTRY, list, List.of()))
        .hasMessage("the configuration has 1 error:" + NL + "  1. " + list
            + ":6: validation: expected a map of keys, got a list. Fix the configuration and run again.");
  }

  @Test
  void aSweepTakesNeitherAValidationBlockNorSweptReplicates() throws Exception {
    Path file = file(BASE + "validation: {}\nsweep: { replicates: [1, 2], sampler.sigma: [0.1, 1] }\n");
    assertThatThrownBy(() -> ConfigLoader.load(REGISTRY, file, List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("the configuration has 2 errors:" + NL
            + "  1. " + file + ":6: validation: a sweep has a K(ε) per point, and validation checks one"
            + " experiment (or its replicates) (drop validation, and run deltascape validate-size on a run"
            + " of the point to check)" + NL
            + "  2. " + file + ":7: sweep.replicates: replicates cannot be swept: every point of a sweep has"
            + " the same replicates (set replicates: R at the top of the config). Fix the configuration and"
            + " run again.");
  }
}
