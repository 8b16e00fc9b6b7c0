package org.deltascape.launcher.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 2, test 4: same config and seeds, same bytes; adding a space or estimator changes no row. */
class ReproducibilityTest {

  @TempDir Path dir;

  @Test
  void theSameConfigRunTwiceGivesByteIdenticalResultFiles() throws IOException {
    RunFixture.run(RunFixture.SMALL, List.of(), dir.resolve("a"));
    RunFixture.run(RunFixture.SMALL, List.of(), dir.resolve("b"));
    for (String file : List.of("delta.csv", "spectrum.csv", "weights.npy", "orders.npy",
        "directions-hessian.npy", "samples-hessian.npy")) {
      assertThat(Files.readAllBytes(dir.resolve("b").resolve(file)))
          .as(file)
          .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(file)));
    }
  }

  @Test
  void addingASpaceAndAnEstimatorLeavesTheFirstSpacesRowsByteIdentical() throws IOException {
    RunFixture.run(RunFixture.SMALL, List.of(), dir.resolve("one"));
    RunFixture.run(RunFixture.SMALL,
        List.of("spaces=[{id: hessian, dim: 3}, {id: random, dim: 2}]",
            "estimators=[monte-carlo, permutation-mean]"),
        dir.resolve("more"));
    List<String> one = rows(dir.resolve("one"), "hessian,monte-carlo,");
    List<String> more = rows(dir.resolve("more"), "hessian,monte-carlo,");
    assertThat(one).hasSize(59);
    assertThat(more).isEqualTo(one);
    assertThat(rows(dir.resolve("more"), "random,permutation-mean,")).hasSize(59);
    assertThat(Files.readAllBytes(dir.resolve("more/samples-hessian.npy")))
        .isEqualTo(Files.readAllBytes(dir.resolve("one/samples-hessian.npy")));
  }

  @Test
  void loadingTheSavedWeightsReproducesTheRunWithoutTraining() throws IOException {
    RunResult trained = RunFixture.run(RunFixture.SMALL, List.of(), dir.resolve("trained"));
    RunResult loaded = RunFixture.run(RunFixture.SMALL,
        List.of("model.weights=" + dir.resolve("trained/weights.npy")), dir.resolve("loaded"));
    assertThat(trained.model().trained()).isTrue();
    assertThat(loaded.model().trained()).isFalse();
    assertThat(loaded.timings()).containsKey("load-weights").doesNotContainKey("train");
    assertThat(Files.readAllBytes(dir.resolve("loaded/delta.csv")))
        .isEqualTo(Files.readAllBytes(dir.resolve("trained/delta.csv")));
  }

  private static List<String> rows(Path folder, String prefix) throws IOException {
    return Files.readAllLines(folder.resolve("delta.csv")).stream()
        .filter(line -> line.startsWith(prefix))
        .collect(Collectors.toList());
  }
}
