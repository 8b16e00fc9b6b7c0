package org.deltascape.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.deltascape.api.DeltascapeException;
import org.deltascape.launcher.config.ConfigNode;
import org.deltascape.launcher.config.YamlReader;
import org.deltascape.launcher.engine.RunDescription;

/**
 * The run as executors receive it (broadcast once per run): the config tree without its {@code
 * plugins:} key, and the jars of every plugin folder (the command line's and the config's),
 * shipped with {@code SparkContext.addFile} under names of their own so that executors that do
 * not see the driver's folders rebuild each one locally and load it with the launcher's
 * PluginCatalog, exactly as the driver does.
 *
 * @param id names this run's shipped files and local folders
 * @param configJson the config tree without {@code plugins:}, as JSON
 * @param defaultName the experiment's name when the config gives none
 * @param folders per plugin folder, the shipped names of its jars, in the folder's order
 */
record ShippedRun(String id, String configJson, String defaultName, List<List<Jar>> folders)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * One shipped jar.
   *
   * @param shippedName its name among the run's added files
   * @param name its name in its folder
   */
  record Jar(String shippedName, String name) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** Per JVM, each run's description with its plugin folders rebuilt on this JVM's disk. */
  private static final Map<String, RunDescription> LOCAL = new ConcurrentHashMap<>();

  /**
   * What the driver ships of {@code run}: the plugin folders' jars are copied into {@code staging}
   * under unique names; the caller adds each staged file to the Spark context.
   */
  static ShippedRun stage(RunDescription run, String id, Path staging) {
    ConfigNode root = YamlReader.read(run.configJson(), "the run's config");
    List<Path> folders = new ArrayList<>();
    run.pluginFolders().forEach(folder -> folders.add(Path.of(folder)));
    folders.addAll(configFolders(root, run.configFile()));
    List<List<Jar>> shipped = new ArrayList<>();
    for (int i = 0; i < folders.size(); i++) {
      List<Jar> jars = new ArrayList<>();
      for (Path jar : jars(folders.get(i))) {
        String name = jar.getFileName().toString();
        String shippedName = id + "-" + i + "-" + name;
        try {
          Files.copy(jar, staging.resolve(shippedName), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
          throw new DeltascapeException("cannot stage the plugin jar " + jar + " for the executors: "
              + e.getMessage(), "engine spark", "Check that the plugin folder is readable");
        }
        jars.add(new Jar(shippedName, name));
      }
      shipped.add(jars);
    }
    try {
      String json = new ObjectMapper().writeValueAsString(root.without("plugins").plain());
      return new ShippedRun(id, json, run.defaultName(), shipped);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a config tree is always JSON", e);
    }
  }

  /** Every shipped jar's name, for {@code SparkContext.addFile} of the staged copies. */
  List<String> shippedNames() {
    return folders.stream().flatMap(List::stream).map(Jar::shippedName).toList();
  }

  /**
   * The run's description on this JVM: its plugin folders rebuilt under {@code root} (Spark's
   * files folder on executors) from the shipped jars, found with {@code locate} (SparkFiles.get),
   * once per JVM.
   */
  RunDescription local(Path root, Function<String, Path> locate) {
    return LOCAL.computeIfAbsent(id, key -> {
      List<String> local = new ArrayList<>();
      for (int i = 0; i < folders.size(); i++) {
        Path folder = root.resolve("deltascape-plugins-" + id).resolve(String.valueOf(i));
        try {
          Files.createDirectories(folder);
          for (Jar jar : folders.get(i)) {
            Path target = folder.resolve(jar.name());
            if (!Files.exists(target)) {
              Files.copy(locate.apply(jar.shippedName()), target);
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot rebuild plugin folder " + i + " of run " + id, e);
        }
        local.add(folder.toAbsolutePath().toString());
      }
      return new RunDescription(configJson, defaultName, null, local);
    });
  }

  /** The config's {@code plugins:} folders, relative to the config file as the launcher reads them. */
  private static List<Path> configFolders(ConfigNode root, String configFile) {
    ConfigNode node = root.get("plugins");
    List<Path> folders = new ArrayList<>();
    if (node == null) {
      return folders;
    }
    Path base = configFile == null || Path.of(configFile).toAbsolutePath().getParent() == null
        ? Path.of("") : Path.of(configFile).toAbsolutePath().getParent();
    for (ConfigNode item : node.isList() ? node.items() : List.of(node)) {
      folders.add(base.resolve(String.valueOf(item.value())).toAbsolutePath().normalize());
    }
    return folders;
  }

  private static List<Path> jars(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of(); // the launcher has already said what is wrong with a missing folder
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list plugin folder " + folder, e);
    }
  }
}
