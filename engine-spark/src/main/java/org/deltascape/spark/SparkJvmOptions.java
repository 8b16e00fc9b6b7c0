package org.deltascape.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options Spark 4 needs on Java 17: Spark's own {@code JavaModuleOptions} (module
 * spark-launcher), which {@code spark-submit} adds by itself but a JVM that starts Spark
 * in-process (./deltascape-spark, the tests) must be given at start. The same list is in
 * ../deltascape-spark and in this module's surefire {@code argLine}; {@code SparkJvmOptionsTest}
 * checks all three against Spark's.
 */
public final class SparkJvmOptions {

  /** Spark 4.0's {@code JavaModuleOptions.defaultModuleOptionArray()}, in its order. */
  public static final List<String> OPTIONS = List.of(
      "-XX:+IgnoreUnrecognizedVMOptions",
      "--add-modules=jdk.incubator.vector",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
      "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
      "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
      "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
      "-Djdk.reflect.useDirectMethodHandle=false",
      "-Dio.netty.tryReflectionSetAccessible=true");

  private SparkJvmOptions() {}

  /**
   * The {@code --add-opens} of {@link #OPTIONS} that this JVM was not started with, as
   * {@code module/package} ({@code "java.base/sun.nio.ch"}); empty when Spark can start here.
   */
  public static List<String> missingOpens() {
    Module unnamed = SparkJvmOptions.class.getClassLoader().getUnnamedModule();
    List<String> missing = new ArrayList<>();
    for (String option : OPTIONS) {
      if (!option.startsWith("--add-opens=")) {
        continue;
      }
      String target = option.substring("--add-opens=".length(), option.lastIndexOf('='));
      String moduleName = target.substring(0, target.indexOf('/'));
      String packageName = target.substring(target.indexOf('/') + 1);
      boolean open = ModuleLayer.boot().findModule(moduleName)
          .map(module -> module.isOpen(packageName, unnamed))
          .orElse(true); // a module this JVM does not have cannot be needed by it
      if (!open) {
        missing.add(target);
      }
    }
    return missing;
  }

  /** The options as one line, for {@code spark.executor.extraJavaOptions} and the like. */
  public static String line() {
    return String.join(" ", OPTIONS);
  }
}
