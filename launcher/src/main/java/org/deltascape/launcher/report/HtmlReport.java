package org.deltascape.launcher.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deltascape.launcher.output.Spread;

/**
 * {@code report.html}: one self-contained page of a run. Every picture is inlined as a {@code
 * data:} PNG; there is no script, no style sheet or font from elsewhere, so the page reads the same
 * offline, attached to an e-mail or years later. Sections: the run, the summary table (per space
 * and estimator V ± s.e. and K(ε)), the model, the size validation when there is one, timings,
 * every picture, the spectrum, notes, and the provenance (collapsed). A run with replicates shows
 * every figure as mean ± sd over its replicates, K(ε) with its range and K(ε) of the mean curve.
 */
final class HtmlReport {

  /** A picture of the report: its figure and PNG bytes. */
  record Picture(Figure figure, byte[] png) {}

  private static final String STYLE = """
      body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:70em;\
      padding:0 1em;color:#222;line-height:1.4}
      h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #ddd}
      table{border-collapse:collapse;margin:.6em 0}th,td{padding:.25em .7em;text-align:right}
      th{border-bottom:1px solid #888}th:first-child,td:first-child,td.text,th.text{text-align:left}
      tr:nth-child(even) td{background:#f6f6f6}.figures{display:flex;flex-wrap:wrap;gap:1.5em}
      figure{margin:0;width:504px}figure img{width:504px;height:auto;display:block}
      figcaption{font-size:.9em;color:#444}figcaption a{color:#555}pre{background:#f6f6f6;padding:1em;
      overflow-x:auto;font-size:.85em}.muted{color:#666}
      """;

  private HtmlReport() {}

  /** The page's HTML. */
  static String of(RunFolder run, List<Picture> pictures) {
    return of(run, pictures, null);
  }

  /** The page's HTML, with the run's size validation (or null). */
  static String of(RunFolder run, List<Picture> pictures, Validation validation) {
    RunSummary summary = run.summary();
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>deltascape: ").append(escape(summary.name())).append("</title>\n<style>\n")
        .append(STYLE).append("</style>\n</head>\n<body>\n");
    html.append("<h1>").append(escape(summary.name())).append("</h1>\n<p class=\"muted\">")
        .append(escape(summary.datasetName())).append(", N = ").append(summary.examples())
        .append(" examples, k in blocks of b = ").append(summary.blockSize()).append("; model ")
        .append(escape(summary.modelId())).append(" with P = ").append(summary.parameters())
        .append(" parameters. Δ_k = E_θ (L_{k+1}(w*+Pθ) − L_k(w*+Pθ))².</p>\n");
    if (run.replicated()) {
      html.append("<p>").append(escape(DeltaFigures.replicates(run))).append(", trained from the same data"
          + " orders, directions' and θ's seeds: every figure is the mean over the replicates with its"
          + " spread (± 1 sd, sample standard deviation). Each replicate's own files are in"
          + " <code>points/&lt;index&gt;/</code>.</p>\n");
      ReplicateTables.summary(html, run);
      ReplicateTables.model(html, run);
    } else {
      summaryTable(html, run);
      modelTable(html, summary);
    }
    validationSection(html, validation);
    timingsTable(html, summary.timings());
    if (run.replicated()) {
      html.append("<p class=\"muted\">Seconds summed over the replicates.</p>\n");
    }
    html.append("<h2>Pictures</h2>\n<div class=\"figures\">\n");
    for (Picture picture : pictures) {
      Figure figure = picture.figure();
      html.append("<figure id=\"").append(escape(figure.name())).append("\"><img alt=\"")
          .append(escape(figure.caption())).append("\" width=\"504\" src=\"data:image/png;base64,")
          .append(Base64.getEncoder().encodeToString(picture.png())).append("\">\n<figcaption>")
          .append(escape(figure.caption())).append(" <span class=\"muted\">figures/").append(escape(figure.name()))
          .append(".{png,svg,pdf}</span></figcaption></figure>\n");
    }
    html.append("</div>\n");
    if (run.replicated()) {
      ReplicateTables.spectrum(html, run);
    } else {
      spectrumTable(html, run);
    }
    notes(html, summary);
    html.append("<h2>Provenance</h2>\n<details><summary>config, seeds, hashes and versions</summary>\n<pre>")
        .append(escape(pretty(summary.provenance()))).append("</pre>\n</details>\n");
    html.append("<p class=\"muted\">Written by <code>deltascape report</code> from the files of ")
        .append(escape(run.folder().toString())).append(".</p>\n</body>\n</html>\n");
    return html.toString();
  }

  private static void summaryTable(StringBuilder html, RunFolder run) {
    RunSummary summary = run.summary();
    html.append("<h2>Δ-sufficient size and plateau</h2>\n<table>\n<tr><th class=\"text\">space</th>")
        .append("<th class=\"text\">estimator</th><th>plateau V ± s.e.</th><th>ε</th><th>K(ε)</th>")
        .append("<th>interval over orders</th><th>examples</th></tr>\n");
    for (String space : run.spaces()) {
      for (String estimator : run.estimators()) {
        if (run.curve(space, estimator).isEmpty()) {
          continue;
        }
        RunSummary.Plateau v = summary.plateau(space, estimator);
        RunSummary.Sufficient k = summary.sufficient(space, estimator);
        html.append("<tr><td>").append(escape(space)).append("</td><td class=\"text\">").append(escape(estimator))
            .append("</td><td>").append(v == null ? "–" : number(v.value()) + " ± " + number(v.stdError()))
            .append("</td><td>").append(k == null ? "–" : number(k.epsilon()))
            .append("</td><td>").append(k == null || k.k() < 0 ? "–" : k.k())
            .append("</td><td>").append(k == null || k.kLow() < 0 ? "–" : "[" + k.kLow() + ", " + k.kHigh() + "]")
            .append("</td><td>").append(k == null || k.examples() < 0 ? "–" : k.examples()).append("</td></tr>\n");
      }
    }
    html.append("</table>\n");
  }

  private static void modelTable(StringBuilder html, RunSummary summary) {
    html.append("<h2>Model at w*</h2>\n<table>\n<tr><th class=\"text\">split</th><th>examples</th>")
        .append("<th>mean loss</th><th>accuracy</th></tr>\n");
    scoreRow(html, "train", summary.train());
    scoreRow(html, "test", summary.test());
    html.append("</table>\n");
  }

  private static void scoreRow(StringBuilder html, String split, RunSummary.Score score) {
    if (score != null) {
      html.append("<tr><td>").append(split).append("</td><td>").append(score.examples())
          .append("</td><td>").append(number(score.loss())).append("</td><td>")
          .append(Double.isNaN(score.accuracy()) ? "–" : String.format(Locale.ROOT, "%.4f", score.accuracy()))
          .append("</td></tr>\n");
    }
  }

  private static void validationSection(StringBuilder html, Validation validation) {
    if (validation == null) {
      return;
    }
    html.append("<h2>Does K(ε) predict test performance?</h2>\n");
    if (validation.skipped() != null) {
      html.append("<p>The size validation was skipped: ").append(escape(validation.skipped())).append(".</p>\n");
      return;
    }
    html.append("<p>Fresh models trained as w* was, on the first n examples of the run's first data order,"
        + " scored on the test split; mean ± sd over the models of each size");
    if (validation.space() != null) {
      html.append(" (K(ε) of space ").append(escape(validation.space())).append(", estimator ")
          .append(escape(validation.estimator())).append(")");
    }
    html.append(".</p>\n<table>\n<tr><th>n</th><th>models</th><th>test loss</th><th>test accuracy</th>"
        + "<th class=\"text\"></th></tr>\n");
    for (int n : validation.sizes()) {
      Spread loss = validation.testLoss(n);
      Spread accuracy = validation.testAccuracy(n);
      html.append("<tr><td>").append(n).append("</td><td>").append(loss.count()).append("</td><td>")
          .append(number(loss.mean())).append(" ± ").append(number(loss.sd())).append("</td><td>")
          .append(accuracy.count() == 0 ? "–" : String.format(Locale.ROOT, "%.4f ± %.4f", accuracy.mean(),
              accuracy.sd()))
          .append("</td><td class=\"text\">").append(n == validation.kExamples() ? "← K(ε)" : "")
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static void timingsTable(StringBuilder html, Map<String, Double> timings) {
    html.append("<h2>Timings</h2>\n<table>\n<tr><th class=\"text\">stage</th><th>seconds</th></tr>\n");
    timings.forEach((stage, seconds) -> html.append("<tr><td>").append(escape(stage)).append("</td><td>")
        .append(String.format(Locale.ROOT, "%.3f", seconds)).append("</td></tr>\n"));
    html.append("</table>\n");
  }

  private static void spectrumTable(StringBuilder html, RunFolder run) {
    if (run.spectrum().isEmpty()) {
      return;
    }
    html.append("<h2>Hessian spectrum</h2>\n<table>\n<tr><th class=\"text\">space</th><th>i</th><th>λ_i</th>")
        .append("<th>residual ‖Hv − λv‖</th><th>Hessian-vector products</th></tr>\n");
    for (RunRows.Spectrum row : run.spectrum()) {
      html.append("<tr><td>").append(escape(row.space())).append("</td><td>").append(row.index()).append("</td><td>")
          .append(number(row.eigenvalue())).append("</td><td>").append(number(row.residual())).append("</td><td>")
          .append(row.hvpCount()).append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static void notes(StringBuilder html, RunSummary summary) {
    JsonNode data = summary.at("data.notes");
    JsonNode estimators = summary.at("estimator_notes");
    if (data.isEmpty() && estimators.isEmpty()) {
      return;
    }
    html.append("<h2>Notes</h2>\n<ul>\n");
    data.forEach(note -> html.append("<li>").append(escape(note.asText())).append("</li>\n"));
    estimators.fields().forEachRemaining(space -> space.getValue().fields().forEachRemaining(estimator ->
        estimator.getValue().fields().forEachRemaining(note -> html.append("<li>").append(escape(space.getKey()))
            .append(", ").append(escape(estimator.getKey())).append(", ").append(escape(note.getKey()))
            .append(": ").append(escape(note.getValue().asText())).append("</li>\n"))));
    html.append("</ul>\n");
  }

  /** Four significant digits, or scientific notation outside 0.001..10⁵. */
  static String number(double value) {
    if (!Double.isFinite(value)) {
      return "–";
    }
    double magnitude = Math.abs(value);
    return magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e5)
        ? String.format(Locale.ROOT, "%.3e", value)
        : String.format(Locale.ROOT, "%.4g", value);
  }

  private static String pretty(JsonNode node) {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
    } catch (JsonProcessingException e) {
      return node.toString();
    }
  }

  /** Escapes text for HTML content and attribute values. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
