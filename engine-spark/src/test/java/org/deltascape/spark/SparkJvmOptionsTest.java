package org.deltascape.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

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
  void theScriptsPassEveryOption() throws IOException {
    for (String name : List.of("deltascape-spark", "deltascape-spark-submit")) {
      String script = Files.readString(Path.of("..", name));
      assertThat(script).as(name).contains(List.of(JavaModuleOptions.defaultModuleOptionArray()));
    }
  }
}
