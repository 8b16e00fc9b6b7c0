package org.deltascape.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party plugin given with --plugins reaches the executors as shipped files and is loaded
 * there by the launcher's PluginCatalog from a folder rebuilt on the executor's disk, not from the
 * driver's folder (which a cluster's executors cannot see).
 */
class SparkPluginShippingTest {

  /** The plugin's constructor records the jar it was loaded from under this prefix. */
  private static final String LOADED_FROM = "deltascape.test.spark-line.";

  @TempDir Path dir;

  @AfterEach
  void forgetWhereThePluginWasLoadedFrom() {
    System.getProperties().stringPropertyNames().stream()
        .filter(name -> name.startsWith(LOADED_FROM)).forEach(System::clearProperty);
  }

  @Test
  void aPluginJarOfTheCommandLineIsShippedToTheExecutorsAndLoadedThere() throws IOException {
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    Path jar = pluginJar(plugins.resolve("spark-line.jar"));
    String yaml = SparkRuns.SMALL
        .replace("dataset: { id: digits, limit: 600 }", "dataset: { id: spark-line }")
        .replace("{ id: hessian, dim: 3 }, ", "")
        .replace("samples: 448", "samples: 128")
        .replace("estimators: [monte-carlo, monte-carlo-cv]", "estimators: [monte-carlo]");
    Path config = SparkRuns.write(dir, "line.yaml", yaml);
    SparkRuns.run(config, dir.resolve("local"), "--plugins", plugins.toString());
    SparkRuns.run(config, dir.resolve("spark"), "--plugins", plugins.toString(),
        "--set", SparkRuns.spark("local[2]", 2, ""));

    assertThat(Files.readAllBytes(dir.resolve("spark/delta.csv")))
        .isEqualTo(Files.readAllBytes(dir.resolve("local/delta.csv")));
    List<String> locations = System.getProperties().stringPropertyNames().stream()
        .filter(name -> name.startsWith(LOADED_FROM)).map(System::getProperty).distinct().toList();
    assertThat(locations).contains("file:" + jar); // the driver loads the jar of its folder
    assertThat(locations).anySatisfy(location -> assertThat(location)
        .contains("/deltascape-plugins-").endsWith("/0/spark-line.jar")
        .doesNotStartWith("file:" + plugins)); // the executors load their own copy
  }

  /** A dataset plugin, spark-line: 100 points of two classes, compiled and packed as a third party would. */
  private static Path pluginJar(Path file) throws IOException {
    String source = """
        package example;

        import java.util.List;
        import org.deltascape.api.*;
        import org.nd4j.linalg.api.buffer.DataType;
        import org.nd4j.linalg.factory.Nd4j;

        public final class SparkLine implements DatasetProvider {
          public SparkLine() {
            System.setProperty("%s" + System.identityHashCode(this),
                String.valueOf(getClass().getProtectionDomain().getCodeSource().getLocation()));
          }
          public String id() { return "spark-line"; }
          public String description() { return "A jar plugin: 100 points of two classes"; }
          public List<ConfigKey> configKeys() { return List.of(); }
          public LoadedData load(Settings settings, DatasetContext context) {
            return new LoadedData(new Dataset() {
              public String name() { return "spark-line"; }
              public int size() { return 100; }
              public List<Integer> inputShape() { return List.of(2); }
              public int outputs() { return 2; }
              public TargetKind targetKind() { return TargetKind.CLASSIFICATION; }
              public Batch batch(int from, int to, DataType type) {
                double[][] x = new double[to - from][2];
                double[][] y = new double[to - from][2];
                for (int i = from; i < to; i++) {
                  x[i - from][0] = i / 100.0;
                  x[i - from][1] = Math.sin(i);
                  y[i - from][i %% 2] = 1;
                }
                return new Batch(Nd4j.create(x).castTo(type), Nd4j.create(y).castTo(type));
              }
              public String sha256() { return "2".repeat(64); }
            }, null);
          }
        }
        """.formatted(LOADED_FROM);
    Path work = Files.createTempDirectory(file.getParent().getParent(), "build");
    Path sourceFile = Files.createDirectories(work.resolve("src/example")).resolve("SparkLine.java");
    Files.writeString(sourceFile, source);
    Path classes = Files.createDirectories(work.resolve("classes"));
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status = ToolProvider.getSystemJavaCompiler().run(null, null, errors, "-d",
        classes.toString(), "-cp", System.getProperty("java.class.path"), "-nowarn",
        sourceFile.toString());
    assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(new Attributes.Name("Deltascape-SPI-Version"), "1");
    try (OutputStream raw = Files.newOutputStream(file);
        JarOutputStream out = new JarOutputStream(raw, manifest)) {
      try (var compiled = Files.list(classes.resolve("example"))) {
        for (Path type : compiled.toList()) {
          out.putNextEntry(new JarEntry("example/" + type.getFileName()));
          out.write(Files.readAllBytes(type));
        }
      }
      out.putNextEntry(new JarEntry("META-INF/services/org.deltascape.api.DatasetProvider"));
      out.write("example.SparkLine\n".getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }
}
