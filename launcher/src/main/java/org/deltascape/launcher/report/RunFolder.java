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
import com.fasterxml.jackson.databind.JsonNode;
import org.deltascape.api.DeltascapeException;
import org.deltascape.launcher.output.Spread;

/**
 * A run folder's files, read back for the pictures and the report: {@code summary.json}, {@code
 * delta.csv} and {@code spectrum.csv} (required), and the optional {@code density.csv}, {@code
 * surface-<space>.csv} and {@code profile-<space>.csv}. Immutable once read.
 *
 * <p>A run with replicates is read as the replicate-averaged run: delta.csv's rows are the mean Δ_k
 * over the replicates with ± 1 sd as its "interval" (std_error holds the sd), spectrum.csv's the
 * mean λ_i with the largest residual, the summary replicate 0's with every figure replaced by its
 * mean (V ± sd; K(ε) of the mean curve with the range over replicates; scores, histories and
 * eigenvalues averaged; timings summed), the landscapes and density replicate 0's; {@link
 * #replicates()} holds each replicate's folder and the statistics over them.
 *
 * @param folder the run folder
 * @param summary its summary.json
 * @param delta the rows of delta.csv, in file order
 * @param spectrum the rows of spectrum.csv
 * @param density the rows of density.csv, empty when the run wrote none
 * @param surfaces per space, the rows of its surface file (spaces in name order)
 * @param profiles per space, the rows of its profile file (spaces in name order)
 * @param replicates the replicates of a run with replicates, or null
 */
public record RunFolder(
    Path folder,
    RunSummary summary,
    List<RunRows.Delta> delta,
    List<RunRows.Spectrum> spectrum,
    List<RunRows.Density> density,
    Map<String, List<RunRows.Surface>> surfaces,
    Map<String, List<RunRows.Profile>> profiles,
    Replicates replicates) {

  static final String NOT_A_FOLDER = "not a folder";

  /** A sweep's folder: one report per experiment. */
  static final String SWEEP = "a report draws one experiment (or its replicates), and this is a sweep over %s";

  /** A replicate whose files do not line up with replicate 0's. */
  static final String UNEVEN = "replicate %s's %s does not line up with replicate %s's (row %d)";

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
    JsonNode document = RunSummary.parse(folder.resolve("summary.json"));
    if (document.has("sweep")) {
      return replicated(folder, document);
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
    return new RunFolder(folder, summary, delta, spectrum, density, surfaces, profiles, null);
  }

  /** Whether this is the replicate-averaged view of a run with replicates. */
  public boolean replicated() {
    return replicates != null;
  }

  private static RunFolder replicated(Path folder, JsonNode document) {
    Path file = folder.resolve("summary.json");
    JsonNode keys = document.path("sweep").path("keys");
    JsonNode group = document.path("replicates").path("groups").path(0);
    if (keys.size() != 1 || !"replicate".equals(keys.get(0).asText()) || !group.isObject()) {
      List<String> names = new java.util.ArrayList<>();
      keys.forEach(key -> names.add(key.asText()));
      throw new DeltascapeException(String.format(SWEEP, String.join(" × ", names)), file.toString(),
          "Run the point you want to see as an experiment of its own; delta.csv has every point's Δ_k");
    }
    List<RunFolder> runs = new java.util.ArrayList<>();
    for (JsonNode index : group.path("points")) {
      runs.add(read(folder.resolve("points").resolve(index.asText())));
    }
    if (runs.isEmpty()) {
      throw new DeltascapeException(String.format(RunSummary.MISSING_KEY, "replicates.groups[0].points"),
          file.toString(), CsvTable.FIX_EDITED);
    }
    Replicates replicates = new Replicates(runs, group);
    RunFolder first = runs.get(0);
    List<RunRows.Delta> delta = new java.util.ArrayList<>();
    for (int i = 0; i < first.delta().size(); i++) {
      RunRows.Delta row = first.delta().get(i);
      double[] values = new double[runs.size()];
      double[] losses = new double[runs.size()];
      for (int r = 0; r < runs.size(); r++) {
        RunRows.Delta other = runs.get(r).delta().size() > i ? runs.get(r).delta().get(i) : null;
        if (other == null || !other.space().equals(row.space()) || !other.estimator().equals(row.estimator())
            || other.k() != row.k()) {
          throw new DeltascapeException(String.format(java.util.Locale.ROOT, UNEVEN, r, "delta.csv", 0, i + 1),
              file.toString(), CsvTable.FIX_EDITED);
        }
        values[r] = other.delta();
        losses[r] = other.lossK();
      }
      Spread spread = Spread.of(values);
      double sd = Double.isFinite(spread.sd()) ? spread.sd() : 0;
      delta.add(new RunRows.Delta(row.space(), row.estimator(), row.k(), row.examples(), spread.mean(), sd,
          spread.mean() - sd, spread.mean() + sd, Spread.of(losses).mean()));
    }
    List<RunRows.Spectrum> spectrum = new java.util.ArrayList<>();
    for (int i = 0; i < first.spectrum().size(); i++) {
      RunRows.Spectrum row = first.spectrum().get(i);
      double[] values = new double[runs.size()];
      double residual = 0;
      long products = 0;
      for (int r = 0; r < runs.size(); r++) {
        RunRows.Spectrum other = runs.get(r).spectrum().size() > i ? runs.get(r).spectrum().get(i) : null;
        if (other == null || !other.space().equals(row.space()) || other.index() != row.index()) {
          throw new DeltascapeException(String.format(java.util.Locale.ROOT, UNEVEN, r, "spectrum.csv", 0, i + 1),
              file.toString(), CsvTable.FIX_EDITED);
        }
        values[r] = other.eigenvalue();
        residual = Math.max(residual, other.residual());
        products += other.hvpCount();
      }
      spectrum.add(new RunRows.Spectrum(row.space(), row.index(), Spread.of(values).mean(), residual,
          Math.round(products / (double) runs.size())));
    }
    RunSummary summary = new RunSummary(file, ReplicateView.summary(document, replicates));
    return new RunFolder(folder, summary, delta, spectrum, first.density(), first.surfaces(), first.profiles(),
        replicates);
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
