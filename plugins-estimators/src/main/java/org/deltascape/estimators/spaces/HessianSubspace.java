package org.deltascape.estimators.spaces;

import java.util.List;
import org.deltascape.api.ConfigKey;
import org.deltascape.api.CurvatureBackend;
import org.deltascape.api.Directions;
import org.deltascape.api.Eigenpairs;
import org.deltascape.api.Settings;
import org.deltascape.api.Subspace;
import org.deltascape.api.SubspaceContext;
import org.deltascape.estimators.DeclaredKeys;

/**
 * The {@code hessian} space of PAPER.md: P = the eigenvectors of the D algebraically largest
 * eigenvalues of H(w*), the Hessian of the mean loss over all N examples, found by a curvature
 * backend from Hessian-vector products (Lanczos by default, rather than the authors' deflated
 * power iteration). The directions are orthonormal and carry their spectrum.
 *
 * <p>Config keys: {@code dim} (integer, default 10, ≥ 1); {@code backend} (a curvature backend,
 * default {@code lanczos}, with its own keys).
 */
public final class HessianSubspace implements Subspace {

  static final ConfigKey BACKEND =
      ConfigKey.plugin(
          "backend", CurvatureBackend.class, "lanczos", "curvature backend for the eigenvectors");

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
    return List.of(SpaceDimension.DIM, BACKEND);
  }

  @Override
  public Directions directions(Settings settings, SubspaceContext context) {
    DeclaredKeys keys = new DeclaredKeys(settings, configKeys());
    int dim = SpaceDimension.of(keys, context);
    Eigenpairs pairs =
        context
            .solver(keys.plugin(BACKEND.name()))
            .topEigenpairs(context.hessian(), dim, context.randomKey(), context.progress());
    return new Directions(pairs.vectors(), true, pairs);
  }
}
