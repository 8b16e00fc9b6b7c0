package org.deltascape.launcher.discovery;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles plugin sources and packs them into jars, as a third party would, for tests. */
final class PluginJarBuilder {

  private PluginJarBuilder() {}

  /** A dataset plugin of the given id whose class is {@code example.<name>}. */
  static String datasetSource(String name, String id, String extraStatement) {
    return """
        package example;

        import java.util.List;
        import org.deltascape.api.*;
        import org.nd4j.linalg.api.buffer.DataType;
        import org.nd4j.linalg.factory.Nd4j;

        public final class %1$s implements DatasetProvider {
          public %1$s() { %3$s }
          public String id() { return "%2$s"; }
          public String description() { return "A jar plugin: points on a line"; }
          public List<ConfigKey> configKeys() { return List.of(); }
          public LoadedData load(Settings settings, DatasetContext context) {
            return new LoadedData(new Dataset() {
              public String name() { return "%2$s"; }
              public int size() { return 100; }
              public List<Integer> inputShape() { return List.of(2); }
              public int outputs() { return 2; }
              public TargetKind targetKind() { return TargetKind.CLASSIFICATION; }
              public Batch batch(int from, int to, DataType type) {
                double[][] x = new double[to - from][2];
                double[][] y = new double[to - from][2];
                for (int i = from; i < to; i++) {
                  x[i - from][0] = i / 100.0; x[i - from][1] = Math.cos(i); y[i - from][i %% 2] = 1;
                }
                return new Batch(Nd4j.create(x).castTo(type), Nd4j.create(y).castTo(type));
              }
              public String sha256() { return "1".repeat(64); }
            }, null);
          }
        }
        """.formatted(name, id, extraStatement);
  }

  /**
   * Compiles {@code sources} (class name to source) against the test class path and writes a jar
   * with a services file for them and the given manifest attributes; {@code extra} entries are
   * added as they are (name to content).
   */
  static Path jar(Path file, Map<String, String> sources, Map<String, String> manifest,
      Map<String, byte[]> extra) throws IOException {
    Path work = Files.createTempDirectory(file.getParent(), "build");
    Path src = work.resolve("src/example");
    Files.createDirectories(src);
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Files.writeString(src.resolve(source.getKey() + ".java"), source.getValue());
    }
    Path classes = work.resolve("classes");
    Files.createDirectories(classes);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    List<String> args = new java.util.ArrayList<>(List.of("-d", classes.toString(), "-cp",
        System.getProperty("java.class.path"), "-nowarn"));
    sources.keySet().forEach(name -> args.add(src.resolve(name + ".java").toString()));
    java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
    if (compiler.run(null, null, errors, args.toArray(String[]::new)) != 0) {
      throw new IllegalStateException("plugin source does not compile: " + errors);
    }
    Manifest mf = new Manifest();
    mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.forEach((key, value) -> mf.getMainAttributes().put(new Attributes.Name(key), value));
    try (OutputStream raw = Files.newOutputStream(file); JarOutputStream out = new JarOutputStream(raw, mf)) {
      StringBuilder services = new StringBuilder();
      for (String name : sources.keySet()) {
        out.putNextEntry(new JarEntry("example/" + name + ".class"));
        out.write(Files.readAllBytes(classes.resolve("example/" + name + ".class")));
        services.append("example.").append(name).append('\n');
      }
      try (var stream = Files.list(classes.resolve("example"))) {
        for (Path inner : stream.filter(p -> p.getFileName().toString().contains("$")).toList()) {
          out.putNextEntry(new JarEntry("example/" + inner.getFileName()));
          out.write(Files.readAllBytes(inner));
        }
      }
      out.putNextEntry(new JarEntry("META-INF/services/org.deltascape.api.DatasetProvider"));
      out.write(services.toString().getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<String, byte[]> entry : extra.entrySet()) {
        out.putNextEntry(new JarEntry(entry.getKey()));
        out.write(entry.getValue());
      }
    }
    return file;
  }
}
