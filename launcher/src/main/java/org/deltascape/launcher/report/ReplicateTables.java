package org.deltascape.launcher.report;

import java.util.List;
import java.util.Locale;
import org.deltascape.launcher.output.Spread;

/**
 * The report page's tables of a run with replicates: K(ε) and the plateau, the model's scores and
 * the spectrum, each figure as mean ± sd over the replicates (from summary.json's {@code
 * replicates}).
 */
final class ReplicateTables {

  private ReplicateTables() {}

  static void summary(StringBuilder html, RunFolder run) {
    Replicates replicates = run.replicates();
    html.append("<h2>Δ-sufficient size and plateau</h2>\n<table>\n<tr><th class=\"text\">space</th>")
        .append("<th class=\"text\">estimator</th><th>plateau V (mean ± sd)</th><th>ε</th>")
        .append("<th>K(ε) (mean ± sd)</th><th>range over replicates</th><th>reached</th>")
        .append("<th>K(ε) of the mean Δ_k</th><th>examples</th></tr>\n");
    for (String space : run.spaces()) {
      for (String estimator : run.estimators()) {
        if (run.curve(space, estimator).isEmpty()) {
          continue;
        }
        RunSummary.Sufficient size = run.summary().sufficient(space, estimator);
        Spread k = replicates.k(space, estimator);
        long meanK = replicates.meanCurveK(space, estimator);
        long examples = replicates.meanCurveExamples(space, estimator);
        html.append("<tr><td>").append(HtmlReport.escape(space)).append("</td><td class=\"text\">")
            .append(HtmlReport.escape(estimator)).append("</td><td>")
            .append(meanSd(replicates.plateau(space, estimator))).append("</td><td>")
            .append(size == null ? "–" : HtmlReport.number(size.epsilon())).append("</td><td>")
            .append(k == null ? "–" : String.format(Locale.ROOT, "%.1f ± %.1f", k.mean(), k.sd())).append("</td><td>")
            .append(k == null ? "–" : "[" + (long) k.min() + ", " + (long) k.max() + "]").append("</td><td>")
            .append(replicates.reached(space, estimator)).append(" of ").append(replicates.count()).append("</td><td>")
            .append(meanK < 0 ? "not reached" : Long.toString(meanK)).append("</td><td>")
            .append(examples < 0 ? "–" : Long.toString(examples)).append("</td></tr>\n");
      }
    }
    html.append("</table>\n");
  }

  static void model(StringBuilder html, RunFolder run) {
    Replicates replicates = run.replicates();
    html.append("<h2>Model at w*</h2>\n<table>\n<tr><th class=\"text\">split</th><th>examples</th>")
        .append("<th>mean loss (mean ± sd)</th><th>accuracy (mean ± sd)</th></tr>\n");
    for (String split : List.of("train", "test")) {
      RunSummary.Score score = split.equals("train") ? run.summary().train() : run.summary().test();
      Spread loss = replicates.loss(split);
      if (score == null || loss == null) {
        continue;
      }
      Spread accuracy = replicates.accuracy(split);
      html.append("<tr><td>").append(split).append("</td><td>").append(score.examples()).append("</td><td>")
          .append(meanSd(loss)).append("</td><td>")
          .append(accuracy == null ? "–" : String.format(Locale.ROOT, "%.4f ± %.4f", accuracy.mean(), accuracy.sd()))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  static void spectrum(StringBuilder html, RunFolder run) {
    if (run.spectrum().isEmpty()) {
      return;
    }
    html.append("<h2>Hessian spectrum</h2>\n<table>\n<tr><th class=\"text\">space</th><th>i</th>")
        .append("<th>λ_i (mean ± sd)</th><th>range over replicates</th><th>largest residual ‖Hv − λv‖</th>")
        .append("<th>Hessian-vector products (mean)</th></tr>\n");
    for (RunRows.Spectrum row : run.spectrum()) {
      List<Spread> spreads = run.replicates().eigenvalues(row.space());
      Spread lambda = row.index() - 1 < spreads.size() ? spreads.get(row.index() - 1) : null;
      html.append("<tr><td>").append(HtmlReport.escape(row.space())).append("</td><td>").append(row.index())
          .append("</td><td>").append(meanSd(lambda)).append("</td><td>")
          .append(lambda == null ? "–" : "[" + HtmlReport.number(lambda.min()) + ", " + HtmlReport.number(lambda.max()) + "]")
          .append("</td><td>").append(HtmlReport.number(row.residual())).append("</td><td>")
          .append(row.hvpCount()).append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  static String meanSd(Spread spread) {
    return spread == null ? "–" : HtmlReport.number(spread.mean()) + " ± " + HtmlReport.number(spread.sd());
  }
}
