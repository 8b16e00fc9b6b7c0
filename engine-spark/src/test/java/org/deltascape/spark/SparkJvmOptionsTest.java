package org.deltascape.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JVM options of our scripts and tests are Spark's own, and this JVM has them. */
class SparkJvmOptionsTest {

  @Test
  void theOptionsAreSparksJavaModuleOptions() {
    assertThat(SparkJvmOptions.OPTIONS).containsExactly(JavaModuleOptions.defaultModuleOptionArray());
  }

  @Test
  void theTestJvmWasStartedWithThemSoNoneIsMissing() {
    assertThat(SparkJvmOptions.missingOpens()).isEmpty();
  }

  @Test
  void aJvmStartedWithoutThemIsToldHowToStart(@TempDir Path dir) throws Exception {
    Path config = SparkRuns.write(dir, "small.yaml", SparkRuns.SMALL);
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), "org.deltascape.launcher.Main",
        "run", config.toString(), "--output", dir.resolve("out").toString(), "--set",
        "engine={ id: spark, master: \"local[1]\" }")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(1);
    assertThat(err).isEqualTo("error: engine spark: this JVM was started without the options Spark"
        + " needs on Java 17 (missing java.base/java.lang, java.base/java.lang.invoke,"
        + " java.base/java.lang.reflect, java.base/java.io, java.base/java.net, java.base/java.nio,"
        + " java.base/java.util, java.base/java.util.concurrent,"
        + " java.base/java.util.concurrent.atomic, java.base/jdk.internal.ref,"
        + " java.base/sun.nio.ch, java.base/sun.nio.cs, java.base/sun.security.action,"
        + " java.base/sun.util.calendar, java.security.jgss/sun.security.krb5). Run with"
        + " ./deltascape-spark or ./deltascape-spark-submit, which pass them, or add Spark's"
        + " JavaModuleOptions to the java command (the list is in ./deltascape-spark).\n");
  }

  @Test
  void theScriptsPassEveryOption() throws IOException {
    for (String name : List.of("deltascape-spark", "deltascape-spark-submit")) {
      String script = Files.readString(Path.of("..", name));
      assertThat(script).as(name).contains(List.of(JavaModuleOptions.defaultModuleOptionArray()));
    }
  }
}
