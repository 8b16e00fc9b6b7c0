package org.deltascape.estimators.spaces;

import java.util.List;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.CurvatureBackend;
import org.deltascape.api.Directions;
import org.deltascape.api.Eigenpairs;
import org.deltascape.api.Settings;
import org.deltascape.api.Subspace;
import org.deltascape.api.SubspaceContext;
import org.deltascape.api.SymmetricOperator;
import org.deltascape.estimators.DeclaredKeys;

/**
 * The {@code hessian} space of PAPER.md: P = the eigenvectors of the D algebraically largest
 * eigenvalues of H(w*), the Hessian of the mean loss over all N examples, found by a curvature
 * backend from Hessian-vector products (Lanczos by default, rather than the authors' deflated
 * power iteration). The directions are orthonormal and carry their spectrum.
 *
 * <p>Config keys: {@code dim} (integer, default 10, ≥ 1); {@code backend} (a curvature backend,
 * default {@code lanczos}, with its own keys); {@code operator} ({@code hessian} or {@code ggn},
 * default {@code hessian}): with {@code ggn} the directions are the top eigenvectors of the
 * generalised Gauss–Newton matrix G(w*) (Schraudolph 2002), positive semi-definite, by the model's
 * exact G-vector product; {@code examples} (integer ≥ 1, optional): use H_k, the Hessian of the
 * first k examples of the run's first data order, instead of H = H_N (hessian only); {@code
 * layers} (list of tensor names, default all): the operator is restricted to those tensors'
 * coordinates ({@link LayerRestriction}), so the eigenvectors live in them.
 */
public final class HessianSubspace implements Subspace {

  static final ConfigKey BACKEND =
      ConfigKey.plugin(
          "backend", CurvatureBackend.class, "lanczos", "curvature backend for the eigenvectors");

  static final ConfigKey OPERATOR =
      ConfigKey.choice(
          "operator",
          "hessian",
          "the Hessian, or the generalised Gauss-Newton matrix (positive semi-definite)",
          "hessian",
          "ggn");
  static final ConfigKey EXAMPLES =
      ConfigKey.integer("examples", null, "use H_k of the first k examples instead of H (optional)")
          .atLeast(1);

  @Override
  public String id() {
    return "hessian";
  }

  @Override
  public String description() {
    return "top-D eigenvectors of the Hessian at w* (algebraically largest eigenvalues)";
  }

  @Override
  public List<ConfigKey> configKeys() {
    return List.of(SpaceDimension.DIM, BACKEND, OPERATOR, EXAMPLES, LayerRestriction.LAYERS);
  }

  /** Nested in D: the top-D eigenvectors are the first D of the top-D' for any D' > D. */
  @Override
  public boolean nestedInDimension(Settings settings) {
    return true;
  }

  @Override
  public Directions directions(Settings settings, SubspaceContext context) {
    DeclaredKeys keys = new DeclaredKeys(settings, configKeys());
    LayerRestriction layers = LayerRestriction.of(settings, context);
    int dim = SpaceDimension.of(keys, context, layers);
    SymmetricOperator operator = layers.restrict(operator(settings, keys, context));
    Eigenpairs pairs =
        context
            .solver(keys.plugin(BACKEND.name()))
            .topEigenpairs(operator, dim, context.randomKey(), context.progress());
    if (!layers.all()) {
      pairs =
          new Eigenpairs(
              pairs.values(), layers.expand(pairs.vectors()), pairs.residuals(), pairs.converged());
    }
    return new Directions(pairs.vectors(), true, pairs);
  }

  private static SymmetricOperator operator(
      Settings settings, DeclaredKeys keys, SubspaceContext context) {
    boolean ggn = TextKeys.choice(settings, OPERATOR).equals("ggn");
    if (!settings.has(EXAMPLES.name())) {
      return ggn ? context.gaussNewton() : context.hessian();
    }
    if (ggn) {
      throw settings.invalid(
          EXAMPLES.name(),
          "examples selects a prefix Hessian H_k, but operator is ggn",
          "Remove examples, or use operator: hessian");
    }
    return context.prefixHessian(keys.integer(EXAMPLES.name()));
  }
}
