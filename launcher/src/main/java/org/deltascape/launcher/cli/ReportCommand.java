package org.deltascape.launcher.cli;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.deltascape.launcher.Console;
import org.deltascape.launcher.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code deltascape report RUN_DIR}: rebuilds a run's pictures, report.html and table.tex. */
@Command(name = "report",
    description = "Rebuild a run's pictures (figures/), report.html and table.tex from its files alone.")
public final class ReportCommand implements Callable<Integer> {

  /** What a successful report prints: the page, the table, the figures folder and their count. */
  static final String WROTE = "wrote %s, %s and %d pictures in %s (PNG, SVG and PDF)";

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder written by `deltascape run`.")
  Path folder;

  private final Console console;

  @Inject
  ReportCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    Report.Written written = Report.build(folder);
    console.out().println(String.format(WROTE, written.html(), written.table(), written.figures().size(),
        folder.resolve(Report.FIGURES)));
    return 0;
  }
}
