package org.deltascape.launcher.discovery;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Plugin;

/**
 * Loads third-party plugins from the jars in a folder, each jar in its own class loader whose
 * parent shows only {@code api} and its dependencies ({@link ApiOnlyClassLoader}). A jar that
 * cannot be used is reported by file and reason, and the others still load.
 */
final class PluginJars {

  /** The manifest attribute in which a plugin jar names the SPI version it was built against. */
  static final String SPI_ATTRIBUTE = "Deltascape-SPI-Version";

  static final String BUNDLES_TEMPLATE =
      "%s bundles %s (found %s); they must come from deltascape, or their classes clash with ours"
          + " and ND4J's native code cannot load twice. In the plugin's pom give deltascape-api"
          + " and ND4J <scope>provided</scope> and do not shade them";
  static final String VERSION_TEMPLATE =
      "%s was built against deltascape SPI version %s, but this deltascape has SPI version %d;"
          + " rebuild the plugin against deltascape-api of this version";
  static final String NO_VERSION_TEMPLATE =
      "%s does not say which deltascape SPI version it was built against; loaded anyway. Add the"
          + " manifest entry %s: %d (see examples/dataset-plugin/pom.xml)";

  private PluginJars() {}

  /** Adds the plugins of every jar in {@code folder} to {@code sources}, faults to {@code problems}. */
  static void collect(Path folder, ClassLoader application, List<PluginSource<?>> sources,
      List<String> problems) {
    if (!Files.isDirectory(folder)) {
      throw new DeltascapeException("the plugins folder does not exist or is not a folder",
          folder.toString(), "Give --plugins (or plugins: in the config) a folder of plugin jars");
    }
    List<Path> jars = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.jar")) {
      stream.forEach(jars::add);
    } catch (IOException e) {
      throw new DeltascapeException("cannot list the plugins folder: " + e.getMessage(),
          folder.toString(), null);
    }
    jars.sort(null);
    ApiOnlyClassLoader parent = new ApiOnlyClassLoader(application);
    for (Path jar : jars) {
      String fault = inspect(jar, problems);
      if (fault != null) {
        problems.add(fault);
        continue;
      }
      try {
        URLClassLoader loader = new URLClassLoader("plugin " + jar.getFileName(),
            new URL[] {jar.toUri().toURL()}, parent);
        int before = sources.size();
        int faults = problems.size();
        PluginDiscovery.collect(loader, jar.toString(), sources, problems);
        if (sources.size() == before && problems.size() == faults) {
          problems.add(jar + " holds no deltascape plugin (no META-INF/services entry for an SPI)");
        }
      } catch (IOException e) {
        problems.add(jar + " cannot be opened: " + e.getMessage());
      }
    }
  }

  /** Null when the jar may be loaded, else why not; warnings go to {@code problems}. */
  private static String inspect(Path jar, List<String> problems) {
    try (JarFile file = new JarFile(jar.toFile())) {
      String bundled = bundled(file);
      if (bundled != null) {
        return bundled;
      }
      Manifest manifest = file.getManifest();
      String declared = manifest == null ? null
          : manifest.getMainAttributes().getValue(new Attributes.Name(SPI_ATTRIBUTE));
      if (declared == null) {
        problems.add(String.format(NO_VERSION_TEMPLATE, jar, SPI_ATTRIBUTE, Plugin.SPI_VERSION));
      } else if (!declared.strip().equals(Integer.toString(Plugin.SPI_VERSION))) {
        return String.format(VERSION_TEMPLATE, jar, declared.strip(), Plugin.SPI_VERSION);
      }
      return null;
    } catch (IOException | SecurityException e) {
      return jar + " is not a readable jar: " + e.getMessage();
    }
  }

  private static String bundled(JarFile file) {
    Enumeration<? extends ZipEntry> entries = file.entries();
    while (entries.hasMoreElements()) {
      String name = entries.nextElement().getName();
      if (name.startsWith("org/deltascape/api/")) {
        return String.format(BUNDLES_TEMPLATE, file.getName(), "deltascape's api", name);
      }
      if (name.startsWith("org/nd4j/") || name.startsWith("org/bytedeco/")) {
        return String.format(BUNDLES_TEMPLATE, file.getName(), "ND4J", name);
      }
    }
    return null;
  }
}
