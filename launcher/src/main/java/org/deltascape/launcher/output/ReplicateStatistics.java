package org.deltascape.launcher.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deltascape.api.Eigenpairs;
import org.deltascape.estimators.delta.SufficientSize;
import org.deltascape.launcher.config.SweepPlan;
import org.deltascape.launcher.engine.EstimatorResult;
import org.deltascape.launcher.engine.ModelScore;
import org.deltascape.launcher.engine.RunResult;
import org.deltascape.launcher.engine.SpaceResult;

/**
 * What a run with {@code replicates: R} reports: per group of replicates (the points that differ
 * only by {@value SweepPlan#REPLICATE}; one group without a sweep) every figure as its {@link
 * Spread} over the replicates, and K(ε) of the replicate-averaged Δ_k curve. Written into the
 * run's summary.json as {@code replicates}, printed on the console, and read back by the report.
 *
 * @param values the group's other swept values (empty without a sweep)
 * @param points the plan indices of its replicates, in replicate order
 * @param trainingSeeds the training seed of each replicate
 * @param trainLoss the model's mean loss on the training data at w*
 * @param trainAccuracy its accuracy there (no finite values for a regression)
 * @param testLoss on the test split (no finite values without one)
 * @param testAccuracy on the test split
 * @param eigenvalues per space with a spectrum, per index i the spread of λ_i
 * @param estimates per space, per estimator
 */
public record ReplicateStatistics(
    Map<String, Object> values,
    List<Integer> points,
    List<Long> trainingSeeds,
    Spread trainLoss,
    Spread trainAccuracy,
    Spread testLoss,
    Spread testAccuracy,
    Map<String, List<Spread>> eigenvalues,
    Map<String, Map<String, Estimates>> estimates) {

  /**
   * One estimator in one space over the replicates.
   *
   * @param epsilon ε
   * @param replicates R
   * @param reached the replicates whose K(ε) was reached
   * @param plateau the spread of the plateau V
   * @param k the spread of K(ε) (in steps of b) over the replicates that reached it
   * @param examples the same in examples, K·b
   * @param meanCurveK K(ε) of the replicate-averaged curve (mean Δ_k over replicates), or null
   *     when that curve ends at or above ε
   * @param meanCurveExamples that K in examples, or null
   */
  public record Estimates(double epsilon, int replicates, int reached, Spread plateau, Spread k,
      Spread examples, Integer meanCurveK, Integer meanCurveExamples) {}

  /** The groups of a replicated plan's results, in the order of their first point. */
  public static List<ReplicateStatistics> of(List<RunResult> runs) {
    Map<Map<String, Object>, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < runs.size(); i++) {
      Map<String, Object> values = new LinkedHashMap<>(runs.get(i).sweepValues());
      values.remove(SweepPlan.REPLICATE);
      groups.computeIfAbsent(values, key -> new ArrayList<>()).add(i);
    }
    List<ReplicateStatistics> statistics = new ArrayList<>();
    groups.forEach((values, points) -> statistics.add(group(values, points,
        points.stream().map(runs::get).toList())));
    return statistics;
  }

  private static ReplicateStatistics group(Map<String, Object> values, List<Integer> points,
      List<RunResult> runs) {
    List<Long> seeds = runs.stream().map(run -> run.config().seeds().training()).toList();
    Map<String, List<Spread>> eigenvalues = new LinkedHashMap<>();
    Map<String, Map<String, Estimates>> estimates = new LinkedHashMap<>();
    RunResult first = runs.get(0);
    for (int s = 0; s < first.spaces().size(); s++) {
      SpaceResult space = first.spaces().get(s);
      int index = s;
      List<SpaceResult> spaces = runs.stream().map(run -> run.spaces().get(index)).toList();
      if (spaces.stream().allMatch(each -> each.directions().spectrum() != null)) {
        int count = spaces.stream().mapToInt(each -> each.directions().spectrum().values().length)
            .min().orElse(0);
        List<Spread> spreads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          int at = i;
          spreads.add(Spread.of(spaces.stream().mapToDouble(each -> {
            Eigenpairs spectrum = each.directions().spectrum();
            return spectrum.values()[at];
          }).toArray()));
        }
        eigenvalues.put(space.name(), spreads);
      }
      Map<String, Estimates> byEstimator = new LinkedHashMap<>();
      for (int e = 0; e < space.estimates().size(); e++) {
        int at = e;
        List<EstimatorResult> results = spaces.stream().map(each -> each.estimates().get(at)).toList();
        byEstimator.put(space.estimates().get(e).estimator(),
            estimates(results, first.data().blockSize()));
      }
      estimates.put(space.name(), byEstimator);
    }
    return new ReplicateStatistics(values, points, seeds,
        Spread.of(scores(runs, true, false)), Spread.of(scores(runs, true, true)),
        Spread.of(scores(runs, false, false)), Spread.of(scores(runs, false, true)),
        eigenvalues, estimates);
  }

  private static Estimates estimates(List<EstimatorResult> results, int b) {
    double epsilon = results.get(0).sufficient().epsilon();
    double[] k = results.stream().mapToDouble(result -> result.sufficient().k() == null
        ? Double.NaN : result.sufficient().k()).toArray();
    double[] examples = results.stream().mapToDouble(result -> result.sufficient().examples() == null
        ? Double.NaN : result.sufficient().examples()).toArray();
    int steps = results.stream().mapToInt(result -> result.curve().steps()).min().orElse(0);
    double[] mean = new double[steps];
    for (EstimatorResult result : results) {
      for (int j = 0; j < steps; j++) {
        mean[j] += result.curve().delta()[j];
      }
    }
    for (int j = 0; j < steps; j++) {
      mean[j] /= results.size();
    }
    Integer meanK = SufficientSize.step(mean, epsilon);
    Spread kSpread = Spread.of(k);
    return new Estimates(epsilon, results.size(), kSpread.count(),
        Spread.of(results.stream().mapToDouble(result -> result.plateau().value()).toArray()),
        kSpread, Spread.of(examples), meanK, meanK == null ? null : meanK * b);
  }

  private static double[] scores(List<RunResult> runs, boolean train, boolean accuracy) {
    return runs.stream().mapToDouble(run -> {
      ModelScore score = train ? run.model().train() : run.model().test();
      return score == null ? Double.NaN : accuracy ? score.accuracy() : score.loss();
    }).toArray();
  }

  /** This group as summary.json's {@code replicates.groups[i]}. */
  public Map<String, Object> json() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("values", values);
    map.put("points", points);
    map.put("training_seeds", trainingSeeds);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("train", score(trainLoss, trainAccuracy));
    model.put("test", testLoss.count() == 0 ? null : score(testLoss, testAccuracy));
    map.put("model", model);
    Map<String, Object> spaces = new LinkedHashMap<>();
    eigenvalues.forEach((space, spreads) -> spaces.put(space,
        Map.of("eigenvalues", spreads.stream().map(Spread::json).toList())));
    map.put("spaces", spaces);
    Map<String, Object> plateau = new LinkedHashMap<>();
    Map<String, Object> sufficient = new LinkedHashMap<>();
    estimates.forEach((space, byEstimator) -> {
      Map<String, Object> plateaus = new LinkedHashMap<>();
      Map<String, Object> sizes = new LinkedHashMap<>();
      byEstimator.forEach((estimator, stats) -> {
        plateaus.put(estimator, stats.plateau().json());
        Map<String, Object> size = new LinkedHashMap<>();
        size.put("epsilon", stats.epsilon());
        size.put("replicates", stats.replicates());
        size.put("reached", stats.reached());
        size.put("k", stats.k().count() == 0 ? null : stats.k().json());
        size.put("examples", stats.examples().count() == 0 ? null : stats.examples().json());
        Map<String, Object> curve = new LinkedHashMap<>();
        curve.put("k", stats.meanCurveK());
        curve.put("examples", stats.meanCurveExamples());
        size.put("mean_curve", curve);
        sizes.put(estimator, size);
      });
      plateau.put(space, plateaus);
      sufficient.put(space, sizes);
    });
    map.put("plateau", plateau);
    map.put("sufficient", sufficient);
    return map;
  }

  /**
   * summary.json's {@code replicates} block of a replicated plan: the count, how the seeds were
   * chosen, and the statistics of each group.
   */
  public static Map<String, Object> json(List<RunResult> runs) {
    List<ReplicateStatistics> groups = of(runs);
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("count", groups.get(0).points().size());
    map.put("training_seed", "seeds.training + replicate; data orders and sampling seeds shared");
    map.put("groups", groups.stream().map(ReplicateStatistics::json).toList());
    return map;
  }

  private static Map<String, Object> score(Spread loss, Spread accuracy) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("loss", loss.json());
    map.put("accuracy", accuracy.count() == 0 ? null : accuracy.json());
    return map;
  }
}
