package org.deltascape.estimators.spaces;

import org.deltascape.api.ConfigKey;
import org.deltascape.api.SubspaceContext;
import org.deltascape.estimators.DeclaredKeys;

/** The {@code dim} key every space has, and the check that D fits the model (or its layers). */
final class SpaceDimension {
  static final ConfigKey DIM =
      ConfigKey.integer("dim", 10, "D, the number of directions").atLeast(1);

  private SpaceDimension() {}

  /**
   * D from the settings, checked against the number of coordinates the directions may use.
   *
   * @throws org.deltascape.api.DeltascapeException naming D and that number when D exceeds it
   */
  static int of(DeclaredKeys keys, SubspaceContext context, LayerRestriction layers) {
    int dim = keys.integer(DIM.name());
    if (dim > layers.size()) {
      throw keys.settings()
          .invalid(
              DIM.name(),
              "space " + context.name() + " asks for " + dim + " directions but "
                  + layers.capacity(),
              "Use dim <= " + layers.size());
    }
    return dim;
  }
}
