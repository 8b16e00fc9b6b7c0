package org.deltascape.launcher.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.deltascape.launcher.output.Spread;

/**
 * The summary of the replicate-averaged run that {@link RunFolder} reads a run with replicates as:
 * replicate 0's summary with every figure that differs between replicates replaced by its mean
 * over them, so that whatever reads a summary sees the run's averages, never one replicate's.
 */
final class ReplicateView {

  private ReplicateView() {}

  /** The averaged summary document; {@code replicates} holds the group's statistics. */
  static ObjectNode summary(JsonNode document, Replicates replicates) {
    RunSummary first = replicates.runs().get(0).summary();
    ObjectNode summary = first.root().deepCopy();
    summary.put("name", document.path("name").asText(first.name()));
    ObjectNode model = (ObjectNode) summary.path("model");
    for (String split : new String[] {"train", "test"}) {
      if (model.path(split).isObject()) {
        ObjectNode score = (ObjectNode) model.path(split);
        put(score, "loss", replicates.loss(split));
        put(score, "accuracy", replicates.accuracy(split));
      }
    }
    model.set("history", history(replicates));
    for (Iterator<Map.Entry<String, JsonNode>> spaces = summary.path("plateau").fields(); spaces.hasNext();) {
      Map.Entry<String, JsonNode> space = spaces.next();
      for (Iterator<Map.Entry<String, JsonNode>> estimators = space.getValue().fields(); estimators.hasNext();) {
        Map.Entry<String, JsonNode> estimator = estimators.next();
        ObjectNode plateau = (ObjectNode) estimator.getValue();
        Spread v = replicates.plateau(space.getKey(), estimator.getKey());
        put(plateau, "value", v);
        plateau.put("std_error", v == null ? Double.NaN : v.sd());
        finite(plateau, "std_error");
        JsonNode sizeNode = summary.path("sufficient").path(space.getKey()).path(estimator.getKey());
        if (sizeNode.isObject()) {
          ObjectNode size = (ObjectNode) sizeNode;
          long k = replicates.meanCurveK(space.getKey(), estimator.getKey());
          Spread spread = replicates.k(space.getKey(), estimator.getKey());
          boolean all = replicates.reached(space.getKey(), estimator.getKey()) == replicates.count();
          size.put("k", k);
          size.put("k_low", spread == null ? -1 : (long) spread.min());
          size.put("k_high", spread == null || !all ? -1 : (long) spread.max());
          size.put("examples", replicates.meanCurveExamples(space.getKey(), estimator.getKey()));
          for (String key : new String[] {"k", "k_low", "k_high", "examples"}) {
            if (size.path(key).asLong() < 0) {
              size.putNull(key);
            }
          }
        }
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> spaces = summary.path("spaces").fields(); spaces.hasNext();) {
      Map.Entry<String, JsonNode> space = spaces.next();
      if (space.getValue().has("eigenvalues")) {
        ArrayNode means = summary.arrayNode();
        replicates.eigenvalues(space.getKey()).forEach(spread -> means.add(spread.mean()));
        ((ObjectNode) space.getValue()).set("eigenvalues", means);
      }
    }
    ObjectNode timings = summary.objectNode();
    for (RunFolder run : replicates.runs()) {
      run.summary().timings().forEach((stage, seconds) ->
          timings.put(stage, Math.round((timings.path(stage).asDouble(0) + seconds) * 1000) / 1000.0));
    }
    summary.set("timings", timings);
    summary.set("replicates", replicates.group());
    return summary;
  }

  /** Per epoch the mean of each number over the replicates that have that epoch. */
  private static ArrayNode history(Replicates replicates) {
    ArrayNode epochs = new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode();
    int count = replicates.runs().stream().mapToInt(run -> run.summary().history().size()).min().orElse(0);
    for (int e = 0; e < count; e++) {
      int at = e;
      ObjectNode epoch = epochs.addObject();
      for (String key : replicates.runs().get(0).summary().history().get(e).keySet()) {
        epoch.put(key, Spread.of(replicates.runs().stream()
            .mapToDouble(run -> run.summary().history().get(at).getOrDefault(key, Double.NaN)).toArray()).mean());
        finite(epoch, key);
      }
    }
    return epochs;
  }

  private static void put(ObjectNode node, String key, Spread spread) {
    if (spread == null || !Double.isFinite(spread.mean())) {
      node.putNull(key);
    } else {
      node.put(key, spread.mean());
    }
  }

  private static void finite(ObjectNode node, String key) {
    if (node.path(key).isNumber() && !Double.isFinite(node.path(key).asDouble())) {
      node.putNull(key);
    }
  }
}
