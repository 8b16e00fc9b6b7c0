package org.deltascape.launcher.cli;

import org.deltascape.launcher.engine.ThreadPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code --threads N} option of the commands that compute, mixed into each of them. */
public final class ThreadsOption {

  @Option(names = "--threads", paramLabel = "N", defaultValue = "${env:DELTASCAPE_THREADS:-1}",
      description = "Threads for ND4J's native code (default ${DEFAULT-VALUE}; env DELTASCAPE_THREADS).")
  int threads;

  /** Applies the thread count, refusing a count below 1 as bad usage of {@code command}. */
  void apply(CommandLine command) {
    if (threads < 1) {
      throw new CommandLine.ParameterException(command, "--threads must be at least 1, got "
          + threads + ": use 1 for small models, the number of cores for large ones");
    }
    ThreadPolicy.apply(threads);
  }
}
