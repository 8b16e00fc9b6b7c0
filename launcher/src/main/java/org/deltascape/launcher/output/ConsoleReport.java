package org.deltascape.launcher.output;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deltascape.api.DeltaCurve;
import org.deltascape.launcher.engine.EstimatorResult;
import org.deltascape.launcher.engine.ModelScore;
import org.deltascape.launcher.engine.RunResult;
import org.deltascape.launcher.engine.SpaceResult;
import org.deltascape.estimators.delta.SufficientSize;

/** The short table a run prints on stdout: the model's scores, Δ_k at a few k, V and K(ε). */
public final class ConsoleReport {

  private ConsoleReport() {}

  /** Prints the report of {@code run}. */
  public static void print(RunResult run, PrintStream out) {
    RunResult.DataInfo data = run.data();
    RunResult.ModelInfo model = run.model();
    out.printf(Locale.ROOT, "%s: %s, N = %d examples, k in steps of b = %d (K = %d)%n",
        run.config().name(), data.name(), data.examples(), data.blockSize(), data.steps());
    out.printf(Locale.ROOT, "model %s, %d parameters, %s: train %s", model.id(), model.parameters(),
        model.trained() ? "trained" : "loaded", score(model.train()));
    out.println(model.test() == null ? "" : "; test " + score(model.test()));
    for (String note : data.notes()) {
      out.println("note: " + note);
    }
    List<Integer> ks = ks(data.steps());
    for (SpaceResult space : run.spaces()) {
      out.println();
      StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "space %s (%s, D = %d)",
          space.name(), space.pluginId(), space.directions().dimension()));
      if (space.directions().spectrum() != null) {
        double[] values = space.directions().spectrum().values();
        head.append(String.format(Locale.ROOT, ", λ1 = %.4g, λD = %.4g, %d Hessian-vector products",
            values[0], values[values.length - 1], space.products()));
      }
      out.println(head);
      StringBuilder columns = new StringBuilder(String.format(Locale.ROOT, "  %-18s", "estimator"));
      for (int k : ks) {
        columns.append(String.format(Locale.ROOT, " %11s", "Δ_" + k));
      }
      columns.append(String.format(Locale.ROOT, "  %-22s %s", "plateau V ± s.e.",
          "K(ε = " + fmt(run.config().threshold()) + ") [interval]"));
      out.println(columns);
      for (EstimatorResult estimate : space.estimates()) {
        DeltaCurve curve = estimate.curve();
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-18s", estimate.estimator()));
        for (int k : ks) {
          row.append(String.format(Locale.ROOT, " %11.4g", curve.delta()[k - 1]));
        }
        row.append(String.format(Locale.ROOT, "  %-22s %s",
            fmt(estimate.plateau().value()) + " ± " + fmt(estimate.plateau().stdError()),
            size(estimate.sufficient(), data.blockSize())));
        out.println(row);
      }
    }
    for (String warning : overflowWarnings(run)) {
      out.println("warning: " + warning);
    }
    out.println();
    out.println("results in " + run.folder().toAbsolutePath().normalize());
  }

  /** A Δ_k that is not a number: the losses far from w* overflowed float64 once squared. */
  static final String OVERFLOW = "Δ_k of %s in space %s is not finite at %d of %d k (first at k = %d):"
      + " its sums (squared loss differences, or the sampler's moments) overflow float64 at"
      + " sampler.sigma = %s. The results are"
      + " written as computed; lower sampler.sigma to measure the landscape near w*";

  /** One warning per estimator and space whose Δ_k is not finite somewhere. */
  public static List<String> overflowWarnings(RunResult run) {
    List<String> warnings = new java.util.ArrayList<>();
    for (SpaceResult space : run.spaces()) {
      for (EstimatorResult estimate : space.estimates()) {
        double[] delta = estimate.curve().delta();
        int bad = 0;
        int first = -1;
        for (int k = 0; k < delta.length; k++) {
          if (!Double.isFinite(delta[k])) {
            bad++;
            first = first < 0 ? k + 1 : first;
          }
        }
        if (bad > 0) {
          Object sigma = run.config().sampler().settings().values().get("sigma");
          warnings.add(String.format(Locale.ROOT, OVERFLOW, estimate.estimator(), space.name(), bad,
              delta.length, first, sigma == null ? "its default" : String.valueOf(sigma)));
        }
      }
    }
    return warnings;
  }

  /** Prints the one-line-per-result table of a sweep. */
  public static void printSweep(List<RunResult> runs, List<String> keys, PrintStream out) {
    RunResult first = runs.get(0);
    out.printf(Locale.ROOT, "%s: a sweep of %d points over %s; %s, N = %d, b = %d%n",
        first.config().name(), runs.size(), String.join(" × ", keys), first.data().name(),
        first.data().examples(), first.data().blockSize());
    StringBuilder head = new StringBuilder();
    for (String key : keys) {
      head.append(String.format(Locale.ROOT, "%-16s", key));
    }
    head.append(String.format(Locale.ROOT, "%-12s %-18s %-22s %s", "space", "estimator",
        "plateau V ± s.e.", "K(ε = " + fmt(first.config().threshold()) + ") [interval]"));
    out.println(head);
    for (RunResult run : runs) {
      for (SpaceResult space : run.spaces()) {
        for (EstimatorResult estimate : space.estimates()) {
          StringBuilder row = new StringBuilder();
          for (String key : keys) {
            row.append(String.format(Locale.ROOT, "%-16s",
                org.deltascape.api.Settings.render(run.sweepValues().get(key))));
          }
          row.append(String.format(Locale.ROOT, "%-12s %-18s %-22s %s", space.name(),
              estimate.estimator(),
              fmt(estimate.plateau().value()) + " ± " + fmt(estimate.plateau().stdError()),
              size(estimate.sufficient(), run.data().blockSize())));
          out.println(row);
        }
      }
    }
    for (int i = 0; i < runs.size(); i++) {
      for (String warning : overflowWarnings(runs.get(i))) {
        out.println("warning: point " + i + ": " + warning);
      }
    }
    out.println();
    out.println("results in " + first.folder().toAbsolutePath().normalize());
  }

  private static List<Integer> ks(int steps) {
    List<Integer> ks = new ArrayList<>();
    for (int k = 1; k <= steps; k *= 10) {
      ks.add(k);
    }
    if (ks.get(ks.size() - 1) != steps) {
      ks.add(steps);
    }
    return ks;
  }

  private static String size(SufficientSize size, int b) {
    if (size.k() == null) {
      return "not reached (Δ_K ≥ ε)";
    }
    String interval = "[" + (size.kLow() == null ? "?" : size.kLow()) + ", "
        + (size.kHigh() == null ? "not reached" : size.kHigh()) + "]";
    return "k = " + size.k() + " " + interval + (b == 1 ? "" : ", " + size.examples() + " examples");
  }

  private static String score(ModelScore score) {
    return Double.isNaN(score.accuracy())
        ? String.format(Locale.ROOT, "loss %.4f", score.loss())
        : String.format(Locale.ROOT, "loss %.4f, accuracy %.3f", score.loss(), score.accuracy());
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.3g", value);
  }
}
