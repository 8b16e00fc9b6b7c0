package org.deltascape.launcher.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.deltascape.api.DeltascapeException;
import org.deltascape.launcher.Console;
import org.deltascape.launcher.output.AtomicFiles;
import org.deltascape.launcher.report.ResultsDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deltascape results RUN_DIR... [--notes FILE] [--output FILE]}: docs/RESULTS.md from runs. */
@Command(name = "results",
    description = "Write the results document (tables of K(ε) and plateaus) from runs' summary.json files.")
public final class ResultsCommand implements Callable<Integer> {

  @Parameters(paramLabel = "RUN_DIR", arity = "1..*", description = "Run folders, in the order of the tables.")
  List<Path> folders = new ArrayList<>();

  @Option(names = "--notes", paramLabel = "FILE", description = "Markdown appended verbatim (the interpretation).")
  Path notes;

  @Option(names = "--output", paramLabel = "FILE", description = "Where to write (default: standard output).")
  Path output;

  private final Console console;

  @Inject
  ResultsCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() throws IOException {
    String notesText = "";
    if (notes != null) {
      if (!Files.exists(notes)) {
        throw new DeltascapeException("no such notes file", notes.toString(), "Check the path");
      }
      notesText = Files.readString(notes, StandardCharsets.UTF_8);
    }
    String document = ResultsDocument.render(folders, notesText);
    if (output == null) {
      console.out().print(document);
    } else {
      AtomicFiles.writeText(output, document);
      console.out().println("wrote " + output);
    }
    return 0;
  }
}
