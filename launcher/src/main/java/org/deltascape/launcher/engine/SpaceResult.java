package org.deltascape.launcher.engine;

import java.io.Serializable;
import java.util.List;
import org.deltascape.launcher.report.Landscapes;
import org.deltascape.api.Directions;

/**
 * Everything one space produced. Serializable (a point computed elsewhere travels back whole):
 * the landscape, a report value, travels as its arrays.
 *
 * @param name the space's name in outputs
 * @param pluginId the space plugin's id
 * @param directions P (and the spectrum, for Hessian spaces)
 * @param products Hessian-vector products the space used, counted by the engine
 * @param thetas the θ samples, S × D row-major (empty when no estimator sampled)
 * @param estimates one per estimator, in the config's order
 * @param landscape profiles and surfaces of L_k for pictures, or null when not asked for
 */
public record SpaceResult(
    String name,
    String pluginId,
    Directions directions,
    int products,
    double[] thetas,
    List<EstimatorResult> estimates,
    Landscapes.Landscape landscape) implements Serializable {

  private static final long serialVersionUID = 1L;

  public SpaceResult {
    estimates = List.copyOf(estimates);
  }

  /** This result with its landscape. */
  public SpaceResult withLandscape(Landscapes.Landscape drawn) {
    return new SpaceResult(name, pluginId, directions, products, thetas, estimates, drawn);
  }

  private Object writeReplace() {
    return landscape == null
        ? new Sent(name, pluginId, directions, products, thetas, estimates, null, null, null, null)
        : new Sent(name, pluginId, directions, products, thetas, estimates, landscape.ks(),
            landscape.t(), landscape.surface(), landscape.profiles());
  }

  /** A space's result as it travels, its landscape (if any) as the arrays it holds. */
  private record Sent(String name, String pluginId, Directions directions, int products,
      double[] thetas, List<EstimatorResult> estimates, int[] ks, double[] t,
      double[][][] surface, double[][][] profiles) implements Serializable {
    private static final long serialVersionUID = 1L;

    private Object readResolve() {
      return new SpaceResult(name, pluginId, directions, products, thetas, estimates,
          ks == null ? null : new Landscapes.Landscape(ks, t, surface, profiles));
    }
  }
}
