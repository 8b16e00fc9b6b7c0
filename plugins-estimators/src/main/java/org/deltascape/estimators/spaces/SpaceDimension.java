package org.deltascape.estimators.spaces;

import org.deltascape.api.ConfigKey;
import org.deltascape.api.SubspaceContext;
import org.deltascape.estimators.DeclaredKeys;

/** The {@code dim} key every space has, and the check that D fits the model. */
final class SpaceDimension {
  static final ConfigKey DIM =
      ConfigKey.integer("dim", 10, "D, the number of directions").atLeast(1);

  private SpaceDimension() {}

  /**
   * D from the settings, checked against P.
   *
   * @throws org.deltascape.api.DeltascapeException naming D and P when D exceeds P
   */
  static int of(DeclaredKeys keys, SubspaceContext context) {
    int dim = keys.integer(DIM.name());
    long parameters = context.weights().length();
    if (dim > parameters) {
      throw keys.settings()
          .invalid(
              DIM.name(),
              "space " + context.name() + " asks for " + dim + " directions but the model has only "
                  + parameters + " parameters",
              "Use dim <= " + parameters);
    }
    return dim;
  }
}
