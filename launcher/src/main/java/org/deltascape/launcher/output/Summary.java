package org.deltascape.launcher.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deltascape.api.Eigenpairs;
import org.deltascape.api.Estimate;
import org.deltascape.api.ParameterTensor;
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
          estimatorNotes.put(estimate.estimator(), new java.util.TreeMap<>(estimate.curve().notes()));
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
    root.put("provenance", run.provenance());
    return root;
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
