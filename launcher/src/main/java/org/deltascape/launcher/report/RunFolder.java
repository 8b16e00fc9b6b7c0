package org.deltascape.launcher.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.deltascape.api.DeltascapeException;

/**
 * A run folder's files, read back for the pictures and the report: {@code summary.json}, {@code
 * delta.csv} and {@code spectrum.csv} (required), and the optional {@code density.csv}, {@code
 * surface-<space>.csv} and {@code profile-<space>.csv}. Immutable once read.
 *
 * @param folder the run folder
 * @param summary its summary.json
 * @param delta the rows of delta.csv, in file order
 * @param spectrum the rows of spectrum.csv
 * @param density the rows of density.csv, empty when the run wrote none
 * @param surfaces per space, the rows of its surface file (spaces in name order)
 * @param profiles per space, the rows of its profile file (spaces in name order)
 */
public record RunFolder(
    Path folder,
    RunSummary summary,
    List<RunRows.Delta> delta,
    List<RunRows.Spectrum> spectrum,
    List<RunRows.Density> density,
    Map<String, List<RunRows.Surface>> surfaces,
    Map<String, List<RunRows.Profile>> profiles) {

  static final String NOT_A_FOLDER = "not a folder";

  /** The columns of delta.csv that are read. */
  static final List<String> DELTA_COLUMNS =
      List.of("space", "estimator", "k", "examples", "delta", "std_error", "ci_low", "ci_high", "loss_k");
  static final List<String> SPECTRUM_COLUMNS = List.of("space", "index", "eigenvalue", "residual", "hvp_count");
  static final List<String> DENSITY_COLUMNS = List.of("eigenvalue", "density");
  static final List<String> SURFACE_COLUMNS = List.of("examples", "alpha", "beta", "loss");
  static final List<String> PROFILE_COLUMNS = List.of("examples", "direction", "t", "loss");

  public RunFolder {
    delta = List.copyOf(delta);
    spectrum = List.copyOf(spectrum);
    density = List.copyOf(density);
    surfaces = Collections.unmodifiableMap(new TreeMap<>(surfaces));
    profiles = Collections.unmodifiableMap(new TreeMap<>(profiles));
  }

  /**
   * Reads a run folder.
   *
   * @throws DeltascapeException naming the file, line and fault when a file is missing or malformed
   */
  public static RunFolder read(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new DeltascapeException(NOT_A_FOLDER, folder.toString(), CsvTable.FIX_MISSING);
    }
    RunSummary summary = RunSummary.read(folder.resolve("summary.json"));
    List<RunRows.Delta> delta = CsvTable.read(folder.resolve("delta.csv"), DELTA_COLUMNS,
        row -> new RunRows.Delta(row.text("space"), row.text("estimator"), row.integer("k"),
            row.longInteger("examples"), row.number("delta"), row.number("std_error"),
            row.number("ci_low"), row.number("ci_high"), row.number("loss_k")));
    List<RunRows.Spectrum> spectrum = CsvTable.read(folder.resolve("spectrum.csv"), SPECTRUM_COLUMNS,
        row -> new RunRows.Spectrum(row.text("space"), row.integer("index"), row.number("eigenvalue"),
            row.number("residual"), row.longInteger("hvp_count")));
    Path densityFile = folder.resolve("density.csv");
    List<RunRows.Density> density = Files.exists(densityFile)
        ? CsvTable.read(densityFile, DENSITY_COLUMNS,
            row -> new RunRows.Density("H(w*)", row.number("eigenvalue"), row.number("density")))
        : List.of();
    Map<String, List<RunRows.Surface>> surfaces = new LinkedHashMap<>();
    for (Map.Entry<String, Path> entry : perSpace(folder, "surface-").entrySet()) {
      surfaces.put(entry.getKey(), CsvTable.read(entry.getValue(), SURFACE_COLUMNS,
          row -> new RunRows.Surface(row.integer("examples"), row.number("alpha"), row.number("beta"), row.number("loss"))));
    }
    Map<String, List<RunRows.Profile>> profiles = new LinkedHashMap<>();
    for (Map.Entry<String, Path> entry : perSpace(folder, "profile-").entrySet()) {
      profiles.put(entry.getKey(), CsvTable.read(entry.getValue(), PROFILE_COLUMNS,
          row -> new RunRows.Profile(row.integer("examples"), row.integer("direction"), row.number("t"), row.number("loss"))));
    }
    return new RunFolder(folder, summary, delta, spectrum, density, surfaces, profiles);
  }

  /** The spaces of delta.csv, in file order. */
  public List<String> spaces() {
    Set<String> names = new LinkedHashSet<>();
    delta.forEach(row -> names.add(row.space()));
    return List.copyOf(names);
  }

  /** The estimators of delta.csv, in file order. */
  public List<String> estimators() {
    Set<String> names = new LinkedHashSet<>();
    delta.forEach(row -> names.add(row.estimator()));
    return List.copyOf(names);
  }

  /** The rows of one space and estimator, in k order as written. */
  public List<RunRows.Delta> curve(String space, String estimator) {
    return delta.stream().filter(row -> row.space().equals(space) && row.estimator().equals(estimator)).toList();
  }

  /** The spaces that have a spectrum. */
  public List<String> spectrumSpaces() {
    Set<String> names = new LinkedHashSet<>();
    spectrum.forEach(row -> names.add(row.space()));
    return List.copyOf(names);
  }

  private static Map<String, Path> perSpace(Path folder, String prefix) {
    Map<String, Path> files = new TreeMap<>();
    try (Stream<Path> listing = Files.list(folder)) {
      listing.forEach(path -> {
        String name = path.getFileName().toString();
        if (name.startsWith(prefix) && name.endsWith(".csv")) {
          files.put(name.substring(prefix.length(), name.length() - 4), path);
        }
      });
    } catch (IOException e) {
      throw new DeltascapeException(String.format(CsvTable.UNREADABLE, e.getMessage()), folder.toString(),
          "Check that the folder is readable");
    }
    return files;
  }
}
