package org.deltascape.api;

/**
 * SPI: a family of models ({@code mlp}, {@code cnn}, …) configured by settings.
 *
 * <p>Register an implementation in {@code META-INF/services/org.deltascape.api.ModelProvider}.
 * Tests of an implementation extend {@code ModelContract} from the api test-jar, which checks
 * gradients and Hessian-vector products against finite differences, linearity and symmetry.
 */
public interface ModelProvider extends Plugin {

  /**
   * A new model instance for data of the context's shape.
   *
   * @throws DeltascapeException when the settings do not fit the data (a CNN on flat features)
   */
  Model create(Settings settings, ModelContext context);
}
