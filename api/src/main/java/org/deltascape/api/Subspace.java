package org.deltascape.api;

/**
 * SPI: a kind of low-dimensional space ({@code hessian}, {@code random}, …): the directions P of
 * {@code w = w* + Pθ}.
 *
 * <p>Every space's config has a {@code dim} key (D); the engine reserves {@code id} and
 * {@code name}. Register an implementation in {@code META-INF/services/org.deltascape.api.Subspace};
 * tests extend {@code SubspaceContract}.
 */
public interface Subspace extends Plugin {

  /**
   * The directions for the context's model and w*.
   *
   * @param settings validated against {@link #configKeys()}; {@code dim} is D
   * @throws DeltascapeException when D exceeds the parameter count or a solver fails
   */
  Directions directions(Settings settings, SubspaceContext context);

  /**
   * Whether the space of dimension D is always the first D directions of the space of any larger
   * dimension with otherwise equal settings (true for top-D eigenvectors, for random directions
   * drawn one by one from their own keys, for ordered principal components). A sweep over D then
   * builds the largest space once and takes its first columns. False by default.
   */
  default boolean nestedInDimension(Settings settings) {
    return false;
  }

  /**
   * Whether this space needs {@link SubspaceContext#trajectory()}: the engine then keeps a
   * snapshot of the parameters after every training epoch. False by default.
   */
  default boolean needsTrajectory(Settings settings) {
    return false;
  }
}
