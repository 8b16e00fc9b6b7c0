package org.deltascape.launcher.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deltascape.api.CurvatureBackend;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.Settings;
import org.deltascape.launcher.output.NpyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Issue 4's curvature outputs through the pipeline: the trace of H(w*) by Hutchinson within 4
 * standard errors of the exact trace (all eigenvalues by the dense backend), the SLQ density in
 * density.csv integrating to 1, and spectra of H_k for several k, warm-started.
 */
class CurvatureAnalysesTest {

  @TempDir Path dir;

  @Test
  void traceDensityAndPrefixSpectraAreWrittenAndRight() throws Exception {
    RunResult run = RunFixture.run(RunFixture.SMALL, List.of(
        "curvature={trace: {id: hutchinson, probes: 64}, density: slq,"
            + " prefix: {backend: lanczos, count: 3, k: [1, 10, 50]}}"), dir.resolve("run"));
    CurvatureResult curvature = run.curvature();

    var model = run.model();
    assertThat(model.parameters()).isEqualTo(610);
    var weights = Nd4j.createFromArray(NpyFile.readDoubles(dir.resolve("run/weights.npy")).values())
        .castTo(DataType.DOUBLE);
    var data = RunFixture.REGISTRY.require(org.deltascape.api.DatasetProvider.class, "digits")
        .load(run.config().dataset().settings(), new org.deltascape.api.DatasetContext(3, Progress.silent()))
        .train();
    var mlp = RunFixture.REGISTRY.require(org.deltascape.api.ModelProvider.class, "mlp")
        .create(run.config().model().settings(), org.deltascape.api.ModelContext.of(data, DataType.DOUBLE));
    var hessian = new DatasetHessian(mlp, weights, new DataChunks(data, DataType.DOUBLE, 4096),
        DatasetHessian.Kind.HESSIAN);
    double exact = 0;
    for (double value : RunFixture.REGISTRY.require(CurvatureBackend.class, "dense")
        .create(Settings.empty("dense")).topEigenpairs(hessian, 610, new RandomKey(1, "d", 0),
            Progress.silent()).values()) {
      exact += value;
    }
    assertThat(Math.abs(curvature.trace().value() - exact) / curvature.trace().stdError())
        .as("trace z").isLessThan(4);
    assertThat(curvature.traceProducts()).isEqualTo(64);

    List<String> density = Files.readAllLines(dir.resolve("run/density.csv"));
    assertThat(density.get(0)).isEqualTo("eigenvalue,density");
    double integral = 0;
    for (int i = 2; i < density.size(); i++) {
      String[] a = density.get(i - 1).split(",");
      String[] b = density.get(i).split(",");
      integral += (Double.parseDouble(b[0]) - Double.parseDouble(a[0]))
          * (Double.parseDouble(a[1]) + Double.parseDouble(b[1])) / 2;
    }
    assertThat(integral).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.02));

    assertThat(curvature.prefix()).extracting(CurvatureResult.PrefixSpectrum::examples)
        .containsExactly(10, 100, 500);
    assertThat(Files.readAllLines(dir.resolve("run/prefix-spectrum.csv"))).hasSize(1 + 9);
    assertThat(Files.readString(dir.resolve("run/summary.json")))
        .contains("\"curvature\"").contains("\"prefix_spectra\"");
  }
}
