package org.deltascape.launcher.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.deltascape.api.DeltascapeException;
import org.deltascape.launcher.config.ExperimentConfig;
import org.junit.jupiter.api.Test;

/** The memory estimate made before a run: its parts, and the refusal that names figure and key. */
class MemoryEstimateTest {

  @Test
  void theLanczosBasisOfAHessianSpaceIsCountedFromMaxProducts() {
    ExperimentConfig config = RunFixture.config(RunFixture.SMALL.replace(
        "{ id: hessian, dim: 3 }", "{ id: hessian, dim: 3, backend: { id: lanczos, max-products: 100 } }"),
        List.of());
    MemoryEstimate estimate = MemoryEstimate.of(config, 600, 64, 1_000_000);
    assertThat(estimate.parts().get("eigensolver")).isEqualTo(2L * 100 * 1_000_000 * 8);
    assertThat(estimate.bytes()).isGreaterThan(estimate.parts().get("eigensolver"));
    assertThat(estimate.text()).startsWith("about 1.");
  }

  @Test
  void aRunThatCannotFitIsRefusedNamingTheFigureAndTheKeyOfItsLargestPart() {
    ExperimentConfig config = RunFixture.config(RunFixture.SMALL, List.of());
    MemoryEstimate estimate = MemoryEstimate.of(config, 600, 64, 10_000_000);
    assertThatThrownBy(() -> estimate.requireFits(1L << 30))
        .isInstanceOf(DeltascapeException.class)
        .hasMessageStartingWith("memory estimate: the run needs about ")
        .hasMessageContaining("of memory but the JVM may use at most 1.00 GiB")
        .hasMessageContaining("Lower spaces.<i>.backend.max-products (the largest part,"
            + " eigensolver)");
    estimate.requireFits(Long.MAX_VALUE);
  }
}
