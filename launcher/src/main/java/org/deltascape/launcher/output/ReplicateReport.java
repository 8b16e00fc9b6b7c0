package org.deltascape.launcher.output;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.deltascape.api.Settings;
import org.deltascape.launcher.engine.RunResult;

/**
 * The console table of a run with replicates: per group of replicates (one without a sweep) the
 * model's scores and, per space and estimator, the plateau V and K(ε) as mean ± sd over the
 * replicates, K(ε)'s range, and K(ε) of the replicate-averaged Δ_k curve. The numbers are those
 * of summary.json's {@code replicates}.
 */
public final class ReplicateReport {

  private ReplicateReport() {}

  /** Prints the table of a replicated plan's results. */
  public static void print(List<RunResult> runs, PrintStream out) {
    List<ReplicateStatistics> groups = ReplicateStatistics.of(runs);
    RunResult first = runs.get(0);
    RunResult.DataInfo data = first.data();
    ReplicateStatistics head = groups.get(0);
    out.printf(Locale.ROOT, "%s: %d replicates (training seeds %s)%s; %s, N = %d examples, k in steps"
        + " of b = %d (K = %d)%n", first.config().name(), head.points().size(),
        head.trainingSeeds().stream().map(String::valueOf).collect(Collectors.joining(", ")),
        groups.size() > 1 ? " at each of " + groups.size() + " sweep points" : "", data.name(),
        data.examples(), data.blockSize(), data.steps());
    for (String note : data.notes()) {
      out.println("note: " + note);
    }
    for (ReplicateStatistics group : groups) {
      out.println();
      if (!group.values().isEmpty()) {
        out.println(group.values().entrySet().stream()
            .map(entry -> entry.getKey() + " = " + Settings.render(entry.getValue()))
            .collect(Collectors.joining(", ")));
      }
      RunResult model = runs.get(group.points().get(0));
      out.printf(Locale.ROOT, "model %s, %d parameters, mean ± sd over replicates: train %s",
          model.model().id(), model.model().parameters(), score(group.trainLoss(), group.trainAccuracy()));
      out.println(group.testLoss().count() == 0 ? "" : "; test " + score(group.testLoss(), group.testAccuracy()));
      for (Map.Entry<String, Map<String, ReplicateStatistics.Estimates>> space : group.estimates().entrySet()) {
        StringBuilder line = new StringBuilder("space " + space.getKey());
        List<Spread> eigenvalues = group.eigenvalues().get(space.getKey());
        if (eigenvalues != null && !eigenvalues.isEmpty()) {
          line.append(", λ1 = ").append(meanSd(eigenvalues.get(0)));
          line.append(", λD = ").append(meanSd(eigenvalues.get(eigenvalues.size() - 1)));
        }
        out.println(line);
        out.printf(Locale.ROOT, "  %-18s %-24s %-38s %s%n", "estimator", "plateau V (mean ± sd)",
            "K(ε = " + fmt(first.config().threshold()) + ") mean ± sd [min, max]", "K of the mean Δ_k");
        space.getValue().forEach((estimator, stats) -> out.printf(Locale.ROOT, "  %-18s %-24s %-38s %s%n",
            estimator, meanSd(stats.plateau()), size(stats),
            stats.meanCurveK() == null ? "not reached"
                : stats.meanCurveK() + (data.blockSize() == 1 ? "" : " (" + stats.meanCurveExamples() + " examples)")));
      }
    }
    out.println();
    out.println("results in " + first.folder().toAbsolutePath().normalize()
        + " (each replicate's in points/<index>/)");
  }

  private static String size(ReplicateStatistics.Estimates stats) {
    if (stats.reached() == 0) {
      return "not reached by any replicate";
    }
    String text = String.format(Locale.ROOT, "%.1f ± %.1f [%d, %d]", stats.k().mean(), stats.k().sd(),
        (long) stats.k().min(), (long) stats.k().max());
    return stats.reached() < stats.replicates()
        ? text + " (" + stats.reached() + " of " + stats.replicates() + " reached)" : text;
  }

  private static String score(Spread loss, Spread accuracy) {
    return accuracy.count() == 0
        ? String.format(Locale.ROOT, "loss %.4f ± %.4f", loss.mean(), loss.sd())
        : String.format(Locale.ROOT, "loss %.4f ± %.4f, accuracy %.3f ± %.3f", loss.mean(), loss.sd(),
            accuracy.mean(), accuracy.sd());
  }

  private static String meanSd(Spread spread) {
    return fmt(spread.mean()) + " ± " + fmt(spread.sd());
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.3g", value);
  }
}
