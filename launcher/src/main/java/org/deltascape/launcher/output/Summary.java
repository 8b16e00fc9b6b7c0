package org.deltascape.launcher.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deltascape.api.Eigenpairs;
import org.deltascape.api.Estimate;
import org.deltascape.api.ParameterTensor;
import org.deltascape.launcher.engine.CurvatureResult;
import org.deltascape.launcher.engine.EstimatorResult;
import org.deltascape.launcher.engine.ModelScore;
import org.deltascape.launcher.engine.RunResult;
import org.deltascape.launcher.engine.SpaceResult;
import org.deltascape.estimators.delta.SufficientSize;

/**
 * The content of {@code summary.json}: the model's scores, per space and estimator the plateau V
 * and K(ε), timings per stage, the parameter layout and the provenance. Non-finite numbers are
 * written as null (JSON has no NaN).
 */
public final class Summary {

  private Summary() {}

  /** The summary document of a run, as ordered maps and lists. */
  public static Map<String, Object> of(RunResult run) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("name", run.config().name());
    root.put("data", data(run.data()));
    root.put("model", model(run.model()));
    results(root, run);
    root.put("provenance", run.provenance());
    return root;
  }

  /**
   * The summary of a sweep: per point its swept values, data, model, results and timings; the
   * provenance of each point's config under the point.
   */
  public static Map<String, Object> ofSweep(List<RunResult> runs, List<String> keys) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("name", runs.get(0).config().name());
    Map<String, Object> sweep = new LinkedHashMap<>();
    sweep.put("keys", keys);
    sweep.put("points", runs.size());
    root.put("sweep", sweep);
    List<Map<String, Object>> points = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      RunResult run = runs.get(i);
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("index", i);
      point.put("values", run.sweepValues());
      point.put("arrays", "points/" + i);
      point.put("data", data(run.data()));
      point.put("model", model(run.model()));
      results(point, run);
      point.put("provenance", run.provenance());
      points.add(point);
    }
    root.put("points", points);
    return root;
  }

  private static void results(Map<String, Object> root, RunResult run) {
    Map<String, Object> spaces = new LinkedHashMap<>();
    Map<String, Object> plateau = new LinkedHashMap<>();
    Map<String, Object> sufficient = new LinkedHashMap<>();
    Map<String, Object> notes = new LinkedHashMap<>();
    for (SpaceResult space : run.spaces()) {
      spaces.put(space.name(), space(space));
      Map<String, Object> plateaus = new LinkedHashMap<>();
      Map<String, Object> sizes = new LinkedHashMap<>();
      Map<String, Object> estimatorNotes = new LinkedHashMap<>();
      for (EstimatorResult estimate : space.estimates()) {
        plateaus.put(estimate.estimator(), estimate(estimate.plateau()));
        sizes.put(estimate.estimator(), sufficient(estimate.sufficient()));
        if (!estimate.curve().notes().isEmpty()) {
          estimatorNotes.put(estimate.estimator(), jsonSafe(new java.util.TreeMap<>(estimate.curve().notes())));
        }
      }
      plateau.put(space.name(), plateaus);
      sufficient.put(space.name(), sizes);
      if (!estimatorNotes.isEmpty()) {
        notes.put(space.name(), estimatorNotes);
      }
    }
    root.put("spaces", spaces);
    root.put("plateau", plateau);
    root.put("sufficient", sufficient);
    if (!notes.isEmpty()) {
      root.put("estimator_notes", notes);
    }
    Map<String, Object> timings = new LinkedHashMap<>();
    double total = 0;
    for (Map.Entry<String, Double> lap : run.timings().entrySet()) {
      timings.put(lap.getKey(), round(lap.getValue()));
      total += lap.getValue();
    }
    timings.put("total", round(total));
    root.put("timings", timings);
    if (run.curvature() != CurvatureResult.NONE) {
      root.put("curvature", curvature(run.curvature()));
    }
  }

  private static Map<String, Object> curvature(CurvatureResult curvature) {
    Map<String, Object> map = new LinkedHashMap<>();
    if (curvature.trace() != null) {
      Map<String, Object> trace = estimate(curvature.trace());
      trace.put("hvp_count", curvature.traceProducts());
      map.put("trace", trace);
    }
    if (curvature.density() != null) {
      Map<String, Object> density = new LinkedHashMap<>();
      density.put("file", "density.csv");
      density.put("hvp_count", curvature.densityProducts());
      density.put("notes", jsonSafe(new java.util.TreeMap<>(curvature.density().notes())));
      map.put("density", density);
    }
    if (!curvature.prefix().isEmpty()) {
      List<Map<String, Object>> prefix = new ArrayList<>();
      for (CurvatureResult.PrefixSpectrum spectrum : curvature.prefix()) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("k", spectrum.step());
        entry.put("examples", spectrum.examples());
        entry.put("eigenvalues", finite(spectrum.pairs().values()));
        entry.put("residuals", finite(spectrum.pairs().residuals()));
        entry.put("converged", spectrum.pairs().converged());
        entry.put("hvp_count", spectrum.products());
        prefix.add(entry);
      }
      map.put("prefix_spectra", prefix);
    }
    return map;
  }

  private static Map<String, Object> data(RunResult.DataInfo data) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("name", data.name());
    map.put("examples", data.examples());
    map.put("used_examples", data.usedExamples());
    map.put("block_size", data.blockSize());
    map.put("steps", data.steps());
    map.put("test_examples", data.testExamples());
    map.put("sha256", data.sha256());
    map.put("notes", data.notes());
    return map;
  }

  private static Map<String, Object> model(RunResult.ModelInfo model) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("id", model.id());
    map.put("parameters", model.parameters());
    map.put("trained", model.trained());
    map.put("train", score(model.train()));
    map.put("test", model.test() == null ? null : score(model.test()));
    map.put("history", model.history());
    List<Map<String, Object>> layout = new ArrayList<>();
    for (ParameterTensor tensor : model.layout().tensors()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", tensor.name());
      entry.put("shape", tensor.shape());
      entry.put("offset", tensor.offset());
      entry.put("role", tensor.role().name().toLowerCase(java.util.Locale.ROOT));
      entry.put("fan_in_axis", tensor.fanInAxis());
      layout.add(entry);
    }
    map.put("layout", layout);
    return map;
  }

  private static Map<String, Object> score(ModelScore score) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("loss", finite(score.loss()));
    map.put("accuracy", finite(score.accuracy()));
    map.put("examples", score.examples());
    return map;
  }

  private static Map<String, Object> space(SpaceResult space) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("id", space.pluginId());
    map.put("dimension", space.directions().dimension());
    map.put("orthonormal", space.directions().orthonormal());
    map.put("hvp_count", space.products());
    Eigenpairs spectrum = space.directions().spectrum();
    if (spectrum != null) {
      map.put("eigenvalues", finite(spectrum.values()));
      map.put("residuals", finite(spectrum.residuals()));
      map.put("converged", spectrum.converged());
    }
    return map;
  }

  private static Map<String, Object> estimate(Estimate estimate) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("value", finite(estimate.value()));
    map.put("std_error", finite(estimate.stdError()));
    return map;
  }

  private static Map<String, Object> sufficient(SufficientSize size) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("epsilon", size.epsilon());
    map.put("k", size.k());
    map.put("k_low", size.kLow());
    map.put("k_high", size.kHigh());
    map.put("examples", size.examples());
    return map;
  }

  /**
   * A plugin's notes made fit for JSON: non-finite numbers become null (JSON has no NaN or
   * infinity), arrays become lists, maps keep their order.
   */
  static Object jsonSafe(Object value) {
    if (value instanceof Double number) {
      return finite(number);
    }
    if (value instanceof Float number) {
      return finite(number.doubleValue());
    }
    if (value instanceof double[] numbers) {
      return finite(numbers);
    }
    if (value instanceof int[] numbers) {
      return java.util.Arrays.stream(numbers).boxed().toList();
    }
    if (value instanceof java.util.Collection<?> items) {
      return items.stream().map(Summary::jsonSafe).toList();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> safe = new LinkedHashMap<>();
      map.forEach((key, item) -> safe.put(String.valueOf(key), jsonSafe(item)));
      return safe;
    }
    return value;
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }

  private static List<Double> finite(double[] values) {
    List<Double> list = new ArrayList<>();
    for (double value : values) {
      list.add(finite(value));
    }
    return list;
  }

  private static double round(double seconds) {
    return Math.round(seconds * 1000) / 1000.0;
  }
}
