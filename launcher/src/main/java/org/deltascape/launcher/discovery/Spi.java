package org.deltascape.launcher.discovery;

import java.util.List;
import org.deltascape.api.CurvatureBackend;
import org.deltascape.api.DatasetProvider;
import org.deltascape.api.DeltaEstimator;
import org.deltascape.api.ModelProvider;
import org.deltascape.api.Plugin;
import org.deltascape.api.Sampler;
import org.deltascape.api.Subspace;

/** The extension points, in the order the {@code plugins} listing shows them. */
public enum Spi {
  DATASET(DatasetProvider.class, "dataset"),
  MODEL(ModelProvider.class, "model"),
  CURVATURE(CurvatureBackend.class, "curvature backend"),
  SPACE(Subspace.class, "space"),
  SAMPLER(Sampler.class, "sampler"),
  ESTIMATOR(DeltaEstimator.class, "estimator");

  private final Class<? extends Plugin> type;
  private final String label;

  Spi(Class<? extends Plugin> type, String label) {
    this.type = type;
    this.label = label;
  }

  /** The SPI interface. */
  public Class<? extends Plugin> type() {
    return type;
  }

  /** What one plugin of this SPI is called in messages ({@code "curvature backend"}). */
  public String label() {
    return label;
  }

  /** The SPI of an interface. */
  public static Spi of(Class<? extends Plugin> type) {
    for (Spi spi : values()) {
      if (spi.type.equals(type)) {
        return spi;
      }
    }
    throw new IllegalArgumentException("not an SPI: " + type.getName());
  }

  /** All SPIs in listing order. */
  public static List<Spi> all() {
    return List.of(values());
  }
}
