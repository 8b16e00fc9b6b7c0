package org.deltascape.api;

/**
 * A number with its standard error.
 *
 * @param value the estimate
 * @param stdError its standard error (0 when exact, NaN when unknown)
 */
public record Estimate(double value, double stdError) {}
