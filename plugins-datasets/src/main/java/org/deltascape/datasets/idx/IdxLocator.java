package org.deltascape.datasets.idx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the files of an IDX dataset are looked for, in order: the configured {@code dir}, then
 * {@code $DELTASCAPE_DATA/<id>}, then {@code ~/.cache/deltascape/<id>}, then the dataset's system
 * folders (Debian's {@code /usr/share/datasets/fashion-mnist}). In each folder a file is found
 * under its name or with {@code .gz} added (or removed).
 *
 * <p>{@code $DELTASCAPE_DATA} holds one folder per dataset id because MNIST and Fashion-MNIST use
 * the same file names.
 *
 * @param id the dataset id, the name of its folder
 * @param configured the {@code dir} key, or null
 * @param environment the process environment ({@code DELTASCAPE_DATA})
 * @param home the user's home folder
 * @param systemDirs further folders searched last
 */
public record IdxLocator(
    String id, Path configured, Map<String, String> environment, Path home, List<Path> systemDirs) {

  /** The environment variable naming a folder of datasets. */
  public static final String DATA_VARIABLE = "DELTASCAPE_DATA";

  public IdxLocator {
    environment = Map.copyOf(environment);
    systemDirs = List.copyOf(systemDirs);
  }

  /** The folders searched, in order. */
  public List<Path> searchDirs() {
    List<Path> dirs = new ArrayList<>();
    if (configured != null) {
      dirs.add(configured);
    }
    String data = environment.get(DATA_VARIABLE);
    if (data != null && !data.isBlank()) {
      dirs.add(Path.of(data).resolve(id));
    }
    dirs.add(cacheDir());
    dirs.addAll(systemDirs);
    return dirs;
  }

  /** Where downloads go: the configured dir, else {@code $DELTASCAPE_DATA/<id>}, else the cache. */
  public Path downloadDir() {
    return searchDirs().get(0);
  }

  /** The first existing regular file for {@code name} (with or without .gz) in the search dirs. */
  public Optional<Path> find(String name) {
    String other = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name + ".gz";
    for (Path dir : searchDirs()) {
      for (String candidate : List.of(name, other)) {
        Path file = dir.resolve(candidate);
        if (Files.isRegularFile(file)) {
          return Optional.of(file);
        }
      }
    }
    return Optional.empty();
  }

  private Path cacheDir() {
    return home.resolve(".cache").resolve("deltascape").resolve(id);
  }
}
