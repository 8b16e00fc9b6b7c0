package org.deltascape.launcher.report;

import java.awt.Graphics2D;

/**
 * A picture ready to be written as PNG, SVG and PDF: a size in points (1/72 in) and a painter.
 * Figures are sized for a paper's column (about 3.5 in wide) with 9 pt text.
 *
 * @param name the file name without extension, e.g. {@code delta-hessian}
 * @param caption one sentence saying what the picture shows, for the report
 * @param width in points
 * @param height in points
 * @param painter paints the figure at that size, origin top left
 */
public record Figure(String name, String caption, int width, int height, Painter painter) {

  /** Column width of a two-column paper: 3.5 in. */
  public static final int COLUMN = 252;

  /** Paints a figure into a Graphics2D whose unit is one point. */
  @FunctionalInterface
  public interface Painter {
    /** Paints at the given size. */
    void paint(Graphics2D graphics, int width, int height);
  }
}
