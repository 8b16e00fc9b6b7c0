package org.deltascape.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.deltascape.api.Progress;
import org.deltascape.launcher.discovery.PluginCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3: the standalone example plugin in examples/dataset-plugin builds with Maven against
 * the installed deltascape-api (its own tests extend the dataset contract), and an experiment
 * runs with its jar through --plugins. Needs the reactor's api installed in the local Maven
 * repository, which the test command (mvn install) does before the launcher's tests run.
 */
class ExamplePluginTest {

  private static final Path EXAMPLE = Path.of("..", "examples", "dataset-plugin");

  @TempDir Path dir;

  @Test
  void theExamplePluginBuildsAndRunsThroughPluginsFolder() throws Exception {
    Path project = dir.resolve("dataset-plugin");
    copy(EXAMPLE, project);
    Process build = new ProcessBuilder("mvn", "-q", "-B", "-ntp", "package")
        .directory(project.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("build.log").toFile()).start();
    assertThat(build.waitFor(10, TimeUnit.MINUTES)).as("the example's build finishes").isTrue();
    assertThat(build.exitValue()).as("the example's build log:%n%s",
        Files.readString(dir.resolve("build.log"))).isZero();
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    Files.copy(project.resolve("target/spirals-dataset-plugin-1.0.0.jar"), plugins.resolve("spirals.jar"));

    Path config = dir.resolve("spirals.yaml");
    Files.writeString(config, String.join("\n",
        "dataset: { id: spirals, examples: 300 }",
        "model: { id: mlp, hidden: [8], activation: tanh }",
        "training: { epochs: 3, batch-size: 30 }",
        "spaces: [{ id: random, dim: 2 }]",
        "sampler: { sigma: 0.1, samples: 32 }",
        "orders: 2",
        "k: { step: 10 }",
        "threshold: 1.0e-3",
        ""));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Launcher launcher = new Launcher(PluginCatalog.classpath(getClass().getClassLoader()),
        new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8)), Progress.silent());
    int code = launcher.execute("run", config.toString(), "--plugins", plugins.toString(),
        "--output", dir.resolve("run").toString());
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("spirals/train, N = 300 examples");
    assertThat(Files.readString(dir.resolve("run/summary.json")))
        .contains("\"origin\" : \"" + plugins.resolve("spirals.jar") + "\"");
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.filter(p -> !p.toString().contains("target")).toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(file, target);
        }
      }
    }
  }
}
