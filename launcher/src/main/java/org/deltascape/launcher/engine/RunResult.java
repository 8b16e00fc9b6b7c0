package org.deltascape.launcher.engine;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deltascape.api.ParameterLayout;
import org.deltascape.launcher.config.ExperimentConfig;

/**
 * Everything a run produced, for the writers and the console.
 *
 * <p>Serializable, so that a point computed by another JVM (a Spark executor) can be sent back,
 * but without its config and folder: the config is bound against the plugins of one JVM and a
 * {@link Path} is not serializable. A deserialized result has both null until the side that holds
 * the plan restores them with {@link #received}.
 *
 * @param config the validated config
 * @param folder the run folder
 * @param data what was loaded
 * @param model the model and its fit
 * @param weights w*, DOUBLE length P, as a plain array
 * @param orders the data orders
 * @param lossAtCentre per k (index k−1), L_k(w*) averaged over orders
 * @param spaces per space, in the config's order
 * @param curvature the curvature analyses asked for (trace, density, spectra of H_k)
 * @param sweepValues the swept keys' values of this point, in order (empty without a sweep)
 * @param timings seconds per stage, in the order the stages ran
 * @param provenance what is needed to rerun: config, hashes, versions
 */
public record RunResult(
    ExperimentConfig config,
    Path folder,
    DataInfo data,
    ModelInfo model,
    double[] weights,
    DataOrders orders,
    double[] lossAtCentre,
    List<SpaceResult> spaces,
    CurvatureResult curvature,
    Map<String, Object> sweepValues,
    Map<String, Double> timings,
    Map<String, Object> provenance) implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * This result, received from another JVM, with the config and folder of its point on this side
   * and the provenance this side records (its plugins' origins, its engine).
   */
  public RunResult received(ExperimentConfig pointConfig, Path runFolder,
      Map<String, Object> recorded) {
    return new RunResult(pointConfig, runFolder, data, model, weights, orders, lossAtCentre, spaces,
        curvature, sweepValues, timings, recorded);
  }

  private Object writeReplace() {
    return new Sent(data, model, weights, orders, lossAtCentre, spaces, curvature, sweepValues,
        timings, provenance);
  }

  /** A result as it travels: everything but the config and the folder. */
  private record Sent(DataInfo data, ModelInfo model, double[] weights, DataOrders orders,
      double[] lossAtCentre, List<SpaceResult> spaces, CurvatureResult curvature,
      Map<String, Object> sweepValues, Map<String, Double> timings, Map<String, Object> provenance)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    private Object readResolve() {
      return new RunResult(null, null, data, model, weights, orders, lossAtCentre, spaces,
          curvature, sweepValues, timings, provenance);
    }
  }

  /**
   * @param name the dataset's name
   * @param examples N
   * @param usedExamples (K + 1)·b, the examples any L_k can reach
   * @param blockSize b
   * @param steps K
   * @param testExamples the test split's size, or 0
   * @param sha256 the dataset's fingerprint
   * @param notes what the user should know
   */
  public record DataInfo(
      String name,
      int examples,
      int usedExamples,
      int blockSize,
      int steps,
      int testExamples,
      String sha256,
      List<String> notes) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * @param id the model plugin's id
   * @param parameters P
   * @param layout the parameter layout
   * @param trained whether w* was trained here (false: loaded)
   * @param train score on the training data
   * @param test score on the test split, or null
   * @param history per epoch: epoch, mean loss, seconds
   */
  public record ModelInfo(
      String id,
      long parameters,
      ParameterLayout layout,
      boolean trained,
      ModelScore train,
      ModelScore test,
      List<Map<String, Object>> history) implements Serializable {
    private static final long serialVersionUID = 1L;
  }
}
