package org.deltascape.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With this module's jar but not Spark on the class path (a user who copied the engine jar
 * alone), the launcher still finds the engine, and choosing it says what is missing and what to
 * run instead.
 */
class SparkMissingTest {

  @Test
  void choosingTheEngineWithoutSparkOnTheClassPathSaysHowToRunWithIt() throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.contains("/org/apache/spark/") && !entry.contains("/org/scala-lang/")) {
        urls.add(url(entry));
      }
    }
    try (URLClassLoader withoutSpark =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      assertThat(withoutSpark.getResource("org/apache/spark/SparkContext.class")).isNull();
      Class<?> yaml = withoutSpark.loadClass("org.deltascape.launcher.config.YamlReader");
      Object root = yaml.getMethod("read", String.class, String.class)
          .invoke(null, "engine: { id: spark, master: \"local[2]\" }", "t.yaml");
      Class<?> description = withoutSpark.loadClass("org.deltascape.launcher.engine.RunDescription");
      Object run = description.getConstructor(String.class, String.class, String.class, List.class)
          .newInstance("{}", "t", null, List.of());
      Method executor = withoutSpark.loadClass("org.deltascape.launcher.engine.Engines")
          .getMethod("executor", root.getClass(), description, ClassLoader.class);
      Throwable error = null;
      try {
        executor.invoke(null, root, run, withoutSpark);
      } catch (InvocationTargetException e) {
        error = e.getCause();
      }
      assertThat(error).isNotNull();
      assertThat(error.getClass().getName()).isEqualTo("org.deltascape.api.DeltascapeException");
      assertThat(error.getMessage()).isEqualTo("engine spark: Apache Spark is not on the class path"
          + " (org.apache.spark.SparkContext cannot be loaded). Run with ./deltascape-spark, which"
          + " puts Spark 4.0 (engine-spark/target/spark) on the class path, or submit with"
          + " ./deltascape-spark-submit to a Spark 4.0 installation.");
    }
  }

  private static URL url(String entry) {
    try {
      return Path.of(entry).toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(entry, e);
    }
  }
}
