package org.deltascape.launcher.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.deltascape.launcher.output.Spread;

/**
 * The replicates of a run with {@code replicates: R}, as the report reads them: each replicate's
 * own run folder ({@code points/<index>/}) and the statistics over them that summary.json's {@code
 * replicates} holds (written by {@code ReplicateStatistics}; read here, never recomputed).
 *
 * @param runs the replicates' folders, in replicate order
 * @param group the group's statistics from summary.json ({@code replicates.groups[0]})
 */
public record Replicates(List<RunFolder> runs, JsonNode group) {

  public Replicates {
    runs = List.copyOf(runs);
  }

  /** R. */
  public int count() {
    return runs.size();
  }

  /** The training seed of each replicate. */
  public List<Long> trainingSeeds() {
    List<Long> seeds = new ArrayList<>();
    group.path("training_seeds").forEach(seed -> seeds.add(seed.asLong()));
    return seeds;
  }

  /** The plateau V of an estimator in a space over the replicates, or null. */
  public Spread plateau(String space, String estimator) {
    return spread(group.path("plateau").path(space).path(estimator), count());
  }

  /** K(ε) (in steps of b) over the replicates that reached it, or null when none did. */
  public Spread k(String space, String estimator) {
    JsonNode size = group.path("sufficient").path(space).path(estimator);
    return spread(size.path("k"), size.path("reached").asInt());
  }

  /** How many replicates reached K(ε). */
  public int reached(String space, String estimator) {
    return group.path("sufficient").path(space).path(estimator).path("reached").asInt();
  }

  /** K(ε) of the replicate-averaged Δ_k curve, in steps of b, or -1 when not reached. */
  public long meanCurveK(String space, String estimator) {
    return group.path("sufficient").path(space).path(estimator).path("mean_curve").path("k").asLong(-1);
  }

  /** That K(ε) in examples, or -1. */
  public long meanCurveExamples(String space, String estimator) {
    return group.path("sufficient").path(space).path(estimator).path("mean_curve").path("examples")
        .asLong(-1);
  }

  /** The model's loss on a split ({@code train} or {@code test}), or null. */
  public Spread loss(String split) {
    return spread(group.path("model").path(split).path("loss"), count());
  }

  /** The model's accuracy on a split, or null. */
  public Spread accuracy(String split) {
    return spread(group.path("model").path(split).path("accuracy"), count());
  }

  /** Per index i, λ_i of a Hessian space over the replicates (empty without a spectrum). */
  public List<Spread> eigenvalues(String space) {
    List<Spread> spreads = new ArrayList<>();
    group.path("spaces").path(space).path("eigenvalues").forEach(node -> spreads.add(spread(node, count())));
    return spreads;
  }

  /** {@code {mean, sd, min, max}} as a spread of {@code count} values, or null when absent. */
  static Spread spread(JsonNode node, int count) {
    if (!node.isObject()) {
      return null;
    }
    return new Spread(count, number(node.path("mean")), number(node.path("sd")), number(node.path("min")),
        number(node.path("max")));
  }

  private static double number(JsonNode node) {
    return node.isNumber() ? node.asDouble() : Double.NaN;
  }
}
