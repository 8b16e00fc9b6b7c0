package org.deltascape.launcher.report;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.deltascape.launcher.output.AtomicFiles;

/**
 * Writes a {@link Figure} as {@code name.png} (300 dpi), {@code name.svg} (VectorGraphics2D, as
 * XChart's own SVG export) and {@code name.pdf} (PDFBox Graphics2D, as XChart's own PDF export;
 * text drawn as shapes so that Δ, θ and ε survive), each atomically.
 */
public final class FigureFiles {

  /** Dots per inch of the PNG files. */
  public static final int DPI = 300;

  private FigureFiles() {}

  /** Writes the three files into {@code folder}; returns the PNG's bytes (for inlining). */
  public static byte[] write(Figure figure, Path folder) {
    byte[] png = png(figure);
    AtomicFiles.write(folder.resolve(figure.name() + ".png"), out -> out.write(png));
    AtomicFiles.write(folder.resolve(figure.name() + ".svg"), out -> out.write(svg(figure)));
    AtomicFiles.write(folder.resolve(figure.name() + ".pdf"), out -> out.write(pdf(figure)));
    return png;
  }

  /** The figure as a PNG at {@link #DPI}. */
  public static byte[] png(Figure figure) {
    double scale = DPI / 72.0;
    BufferedImage image = new BufferedImage((int) Math.round(figure.width() * scale),
        (int) Math.round(figure.height() * scale), BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    try {
      graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      graphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      graphics.setColor(Color.WHITE);
      graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
      graphics.scale(scale, scale);
      figure.painter().paint(graphics, figure.width(), figure.height());
    } finally {
      graphics.dispose();
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The figure as an SVG document (UTF-8). */
  public static byte[] svg(Figure figure) {
    VectorGraphics2D graphics = new VectorGraphics2D();
    figure.painter().paint(graphics, figure.width(), figure.height());
    Document document = new SVGProcessor().getDocument(graphics.getCommands(),
        new PageSize(0, 0, figure.width(), figure.height()));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      document.writeTo(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The figure as a one-page PDF. */
  public static byte[] pdf(Figure figure) {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(new PDRectangle(figure.width(), figure.height()));
      document.addPage(page);
      PdfBoxGraphics2D graphics = new PdfBoxGraphics2D(document, figure.width(), figure.height());
      figure.painter().paint(graphics, figure.width(), figure.height());
      graphics.dispose();
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.drawForm(graphics.getXFormObject());
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      document.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
