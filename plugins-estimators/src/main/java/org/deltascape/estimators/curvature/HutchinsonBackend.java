package org.deltascape.estimators.curvature;

import java.util.List;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.CurvatureBackend;
import org.deltascape.api.EigenSolver;
import org.deltascape.api.Settings;
import org.deltascape.estimators.DeclaredKeys;

/**
 * The {@code hutchinson} curvature backend: the trace of the Hessian with its standard error, by
 * Hutchinson's estimator with Rademacher probes (M. F. Hutchinson, "A stochastic estimator of the
 * trace of the influence matrix for Laplacian smoothing splines", Commun. Stat. Simul. Comput. 18,
 * 1989) or by Hutch++ (R. A. Meyer, C. Musco, C. Musco and D. P. Woodruff, "Hutch++: Optimal
 * stochastic trace estimation", SOSA 2021). See {@link TraceSolver}.
 *
 * <p>It is a trace estimator only: asked for eigenpairs (a {@code hessian} space with {@code
 * backend: hutchinson}) it refuses, naming the backends that find them, rather than quietly running
 * Lanczos under another name.
 *
 * <p>Config keys: {@code probes} (integer, default 64, ≥ 2): the number of Hessian-vector products
 * (for Hutch++ at least 6, split in thirds: sketch, its exact trace, and Hutchinson on the rest);
 * {@code method} ({@code hutchinson} or {@code hutch++}, default {@code hutchinson}).
 */
public final class HutchinsonBackend implements CurvatureBackend {

  static final ConfigKey PROBES =
      ConfigKey.integer("probes", 64, "Hessian-vector products spent on the trace").atLeast(2);
  static final ConfigKey METHOD =
      ConfigKey.choice(
          "method",
          "hutchinson",
          "plain Hutchinson, or Hutch++ (low-rank sketch plus Hutchinson on the rest)",
          "hutchinson",
          "hutch++");

  @Override
  public String id() {
    return "hutchinson";
  }

  @Override
  public String description() {
    return "trace of the Hessian with its standard error (Hutchinson or Hutch++ estimator)";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of(PROBES, METHOD);
  }

  @Override
  public EigenSolver create(Settings settings) {
    DeclaredKeys keys = new DeclaredKeys(settings, configKeys());
    int probes = keys.integer(PROBES.name());
    String method =
        settings.has(METHOD.name())
            ? settings.string(METHOD.name())
            : (String) METHOD.defaultValue();
    if (!METHOD.choices().contains(method)) {
      throw settings.invalid(
          METHOD.name(), "expected one of " + METHOD.choices(), "Use hutchinson or hutch++");
    }
    boolean plusPlus = method.equals("hutch++");
    if (plusPlus && probes < TraceSolver.MIN_HUTCH_PLUS_PLUS_PROBES) {
      throw settings.invalid(
          PROBES.name(),
          "hutch++ needs at least " + TraceSolver.MIN_HUTCH_PLUS_PLUS_PROBES + " probes (a third"
              + " each for the sketch, its trace and the remainder)",
          "Use probes >= " + TraceSolver.MIN_HUTCH_PLUS_PLUS_PROBES);
    }
    return new TraceSolver(probes, plusPlus);
  }
}
