package org.deltascape.datasets.idx;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code idx}: any image dataset in the IDX format (KMNIST, EMNIST, …), given its four file names
 * and, preferably, the SHA-256s of the decompressed files and mirrors to download them from.
 * Images may have any size (train and test alike); pixels map to [0, 1] by default; the number of
 * classes is the {@code classes} key or the largest label + 1.
 */
public final class IdxFilesProvider extends IdxProvider {
  static final IdxSpec SPEC =
      new IdxSpec(
          "idx",
          "any IDX image dataset given its four file names (and checksums, mirrors)",
          List.of(),
          List.of(),
          List.of(),
          "unit",
          List.of(),
          0,
          0,
          0);

  /** The provider ServiceLoader creates. */
  public IdxFilesProvider() {
    super(SPEC);
  }

  IdxFilesProvider(Map<String, String> environment, Path home, List<Path> systemDirs) {
    super(SPEC, environment, home, systemDirs);
  }
}
