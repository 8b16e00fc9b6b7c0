package org.deltascape.launcher.engine;

import java.util.ArrayList;
import java.util.List;
import org.deltascape.api.Eigenpairs;
import org.deltascape.api.EigenSolver;
import org.deltascape.api.Estimate;
import org.deltascape.api.Progress;
import org.deltascape.api.RandomKey;
import org.deltascape.api.SpectralDensity;
import org.deltascape.launcher.config.ExperimentConfig;

/** Runs the {@code curvature:} block: trace, spectral density and spectra of H_k at w*. */
final class CurvatureAnalyses {

  private CurvatureAnalyses() {}

  static CurvatureResult run(ExperimentConfig.CurvatureSpec spec, CurvatureSource source,
      int[][] orders, int step, long seed, Progress progress) {
    if (spec.trace() == null && spec.density() == null && spec.prefix() == null) {
      return CurvatureResult.NONE;
    }
    Estimate trace = null;
    int traceProducts = 0;
    if (spec.trace() != null) {
      int before = source.products();
      trace = source.solver(spec.trace()).trace(source.hessian(), new RandomKey(seed, "trace", 0),
          progress);
      traceProducts = source.products() - before;
    }
    SpectralDensity density = null;
    int densityProducts = 0;
    if (spec.density() != null) {
      int before = source.products();
      density = source.solver(spec.density()).density(source.hessian(),
          new RandomKey(seed, "density", 0), progress);
      densityProducts = source.products() - before;
    }
    List<CurvatureResult.PrefixSpectrum> prefix = new ArrayList<>();
    if (spec.prefix() != null) {
      EigenSolver solver = source.solver(spec.prefix().backend());
      Eigenpairs previous = null;
      int examples = orders[0].length;
      for (int k : spec.prefix().steps()) {
        int n = Math.min(examples, k * step);
        int before = source.products();
        Eigenpairs pairs = solver.topEigenpairs(source.prefixHessian(0, n),
            Math.min(spec.prefix().count(), (int) source.dimension()),
            new RandomKey(seed, "prefix-spectrum", k), progress, previous);
        prefix.add(new CurvatureResult.PrefixSpectrum(k, n, pairs, source.products() - before));
        previous = pairs;
      }
    }
    return new CurvatureResult(trace, traceProducts, density, densityProducts, prefix);
  }
}
