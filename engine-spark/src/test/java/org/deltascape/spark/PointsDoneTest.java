package org.deltascape.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.deltascape.api.DeltascapeException;
import org.deltascape.launcher.config.ConfigLoader;
import org.deltascape.launcher.config.SweepPlan;
import org.deltascape.launcher.config.YamlReader;
import org.deltascape.launcher.discovery.PluginCatalog;
import org.deltascape.launcher.engine.Provenance;
import org.deltascape.launcher.engine.RunResult;
import org.junit.jupiter.api.Test;

/**
 * How whole points are dealt to Spark tasks, and how the driver puts their results back in order
 * or reports the lowest point's fault.
 */
class PointsDoneTest {

  private static final List<PointSlice> SLICES = List.of(
      new PointSlice(List.of(0, 2), List.of("h0", "h2")),
      new PointSlice(List.of(1, 3), List.of("h1", "h3")));

  private static RunResult result(int point) {
    return new RunResult(null, null, null, null, null, null, null, List.of(), null,
        Map.of("point", point), Map.of(), Map.of());
  }

  @Test
  void theSlicesResultsComeBackInTheOrderOfThePoints() {
    List<RunResult> results = PointsDone.inOrder(SLICES, List.of(
        new PointsDone(List.of(result(0), result(2)), -1, null),
        new PointsDone(List.of(result(1), result(3)), -1, null)), List.of(0, 1, 2, 3));
    assertThat(results).extracting(result -> result.sweepValues().get("point"))
        .containsExactly(0, 1, 2, 3);
  }

  @Test
  void theFaultOfTheLowestFailingPointIsReportedWhicheverSliceItCameFrom() {
    // points 1 and 2 fail: the first slice stopped at 2, the second at 1, as a single JVM does
    assertThatThrownBy(() -> PointsDone.inOrder(SLICES, List.of(
            new PointsDone(List.of(result(0)), 2,
                new BlockSums.Fault("point two failed", "point 2", "Fix two")),
            new PointsDone(List.of(), 1,
                new BlockSums.Fault("point one failed", "point 1", "Fix one"))),
        List.of(0, 1, 2, 3)))
        .isInstanceOf(DeltascapeException.class)
        .hasMessage("point 1: point one failed. Fix one.");
  }

  @Test
  void pointsAreDealtToTheSlicesInTurnWithTheirConfigsHashes() {
    SweepPlan plan = ConfigLoader.load(PluginCatalog.classpath(getClass().getClassLoader()),
        YamlReader.read(SparkRuns.SMALL + "sweep: { sampler.sigma: [0.1, 0.2, 0.3, 0.4, 0.5] }\n",
            "sweep.yaml"), "sweep", null, List.of()).plan();
    List<Integer> all = List.of(0, 1, 2, 3, 4);
    List<PointSlice> slices = PointSlice.deal(plan, all, 3);
    assertThat(slices).extracting(PointSlice::indices)
        .containsExactly(List.of(0, 3), List.of(1, 4), List.of(2));
    assertThat(slices.get(1).configSha256()).containsExactly(
        Provenance.sha256(plan.points().get(1).config().canonical()),
        Provenance.sha256(plan.points().get(4).config().canonical()));
    assertThat(PointSlice.deal(plan, all, 8)).extracting(PointSlice::indices)
        .containsExactly(List.of(0), List.of(1), List.of(2), List.of(3), List.of(4));
    assertThatThrownBy(() -> new PointSlice(List.of(0, 1), List.of("h0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a slice of 2 points and 1 hashes");
  }
}
