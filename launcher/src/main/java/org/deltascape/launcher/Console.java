package org.deltascape.launcher;

import java.io.PrintStream;

/**
 * Where the launcher writes: results to {@code out}, progress and errors to {@code err}.
 *
 * @param out standard output
 * @param err standard error
 */
public record Console(PrintStream out, PrintStream err) {}
