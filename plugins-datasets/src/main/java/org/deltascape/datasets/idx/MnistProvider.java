package org.deltascape.datasets.idx;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code mnist}: LeCun, Cortes and Burges' handwritten digits, 60,000 + 10,000 28×28 images, 10
 * classes, normalised by default with the usual mean 0.1307 and std 0.3081.
 *
 * <p>The upstream decompressed SHA-256s are not pinned here (no copy of MNIST was available to
 * compute them from): by default the files' structure is checked (magic numbers, sizes, label
 * range) and each file's computed SHA-256 goes into the notes, hence provenance. Configure
 * {@code sha256} to verify them.
 */
public final class MnistProvider extends IdxProvider {
  static final IdxSpec SPEC =
      new IdxSpec(
          "mnist",
          "MNIST handwritten digits (IDX files, 28×28, 10 classes), found locally or downloaded",
          IdxSpec.STANDARD_FILES,
          List.of(),
          List.of(
              "https://ossci-datasets.s3.amazonaws.com/mnist/",
              "https://storage.googleapis.com/cvdf-datasets/mnist/"),
          Map.of("mean", 0.1307, "std", 0.3081),
          List.of(),
          28,
          28,
          10);

  /** The provider ServiceLoader creates. */
  public MnistProvider() {
    super(SPEC);
  }

  MnistProvider(Map<String, String> environment, Path home, List<Path> systemDirs) {
    super(SPEC, environment, home, systemDirs);
  }
}
