package org.deltascape.api;

/**
 * A number with its standard error.
 *
 * @param value the estimate
 * @param stdError its standard error (0 when exact, NaN when unknown)
 */
public record Estimate(double value, double stdError) implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
}
