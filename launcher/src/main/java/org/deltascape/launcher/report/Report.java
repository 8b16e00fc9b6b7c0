package org.deltascape.launcher.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deltascape.api.DeltascapeException;
import org.deltascape.launcher.output.AtomicFiles;

/**
 * Rebuilds a run's pictures ({@code figures/}), {@code report.html} and {@code table.tex} from the
 * run folder's files alone: nothing is recomputed and no model is loaded. A run with replicates is
 * drawn as the mean over its replicates with their spread; a size validation in the folder
 * ({@code validation.csv}) gets its picture and table.
 */
public final class Report {

  /** The sub-folder of a run folder that holds the pictures. */
  public static final String FIGURES = "figures";

  /**
   * What was written.
   *
   * @param html the report page
   * @param table the LaTeX table
   * @param figures the pictures' names (each as .png, .svg and .pdf in {@link #FIGURES})
   */
  public record Written(Path html, Path table, List<String> figures) {
    public Written {
      figures = List.copyOf(figures);
    }
  }

  private Report() {}

  /**
   * Reads {@code folder} and writes its pictures, report and table into it.
   *
   * @throws DeltascapeException when a file of the run is missing or malformed, or a file cannot
   *     be written
   */
  public static Written build(Path folder) {
    RunFolder run = RunFolder.read(folder);
    Validation validation = Validation.read(run);
    List<Figure> figures = figures(run);
    Figure sizes = validation == null ? null : ValidationFigure.of(validation);
    if (sizes != null) {
      figures.add(sizes);
    }
    List<HtmlReport.Picture> pictures = new ArrayList<>();
    for (Figure figure : figures) {
      pictures.add(new HtmlReport.Picture(figure, FigureFiles.write(figure, folder.resolve(FIGURES))));
    }
    Path html = folder.resolve("report.html");
    AtomicFiles.writeText(html, HtmlReport.of(run, pictures, validation));
    Path table = folder.resolve("table.tex");
    AtomicFiles.writeText(table, LatexTable.of(run));
    return new Written(html, table, pictures.stream().map(picture -> picture.figure().name()).toList());
  }

  /** Every picture the run has data for, in report order. */
  static List<Figure> figures(RunFolder run) {
    List<Figure> figures = new ArrayList<>(DeltaFigures.of(run));
    for (Figure landscape : LandscapeFigures.of(run)) {
      figures.add(run.replicated() ? new Figure(landscape.name(), landscape.caption()
          + " Around replicate 0's w* (training seed " + run.replicates().trainingSeeds().get(0) + ").",
          landscape.width(), landscape.height(), landscape.painter()) : landscape);
    }
    figures.addAll(ModelFigures.of(run));
    return figures;
  }
}
