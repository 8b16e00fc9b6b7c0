package org.deltascape.launcher.cli;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.deltascape.launcher.Console;
import org.deltascape.launcher.Launcher;
import org.deltascape.launcher.report.Comparison;
import org.deltascape.launcher.report.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code deltascape compare RUN_DIR... [--output DIR]}: several runs' Δ_k on shared axes and one
 * table; refuses runs of other data or another model, saying which and why (exit code 2).
 */
@Command(name = "compare",
    description = "Put several runs side by side: Δ_k on shared axes and one table of V and K(ε).")
public final class CompareCommand implements Callable<Integer> {

  /** What a successful comparison prints. */
  static final String WROTE = "compared %d runs: wrote %s";
  /** The usage error when the runs cannot be compared. */
  static final String REFUSED = "cannot compare these runs:%n%s";

  @Parameters(arity = "2..*", paramLabel = "RUN_DIR", description = "Run folders written by `deltascape run`.")
  List<Path> folders = new ArrayList<>();

  @Option(names = "--output", paramLabel = "DIR", defaultValue = "runs/compare",
      description = "Where to write the comparison (default ${DEFAULT-VALUE}).")
  Path output;

  private final Console console;

  @Inject
  CompareCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    List<RunFolder> runs = folders.stream().map(RunFolder::read).toList();
    List<String> refusals = Comparison.refusals(runs);
    if (!refusals.isEmpty()) {
      // bad usage, but the usage text would only hide the reasons
      console.err().println("error: "
          + String.format(REFUSED, "  " + String.join(System.lineSeparator() + "  ", refusals)));
      return Launcher.BAD_USAGE;
    }
    Path page = Comparison.write(runs, output);
    console.out().println(String.format(WROTE, runs.size(), page));
    return 0;
  }
}
