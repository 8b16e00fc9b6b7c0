package org.deltascape.datasets.idx;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code fashion-mnist}: Zalando's Fashion-MNIST (MIT licence), 60,000 + 10,000 28×28 images of
 * clothing, 10 classes, normalised by default with its mean 0.2860 and std 0.3530. Also found in
 * {@code /usr/share/datasets/fashion-mnist} (Debian's {@code dataset-fashion-mnist}); every file
 * is verified by the SHA-256 of its decompressed bytes (Debian recompressed the {@code .gz}
 * files, so their own checksums differ from upstream's).
 */
public final class FashionMnistProvider extends IdxProvider {
  /** Where Debian's {@code dataset-fashion-mnist} puts the files. */
  public static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");

  /** The decompressed SHA-256s (shared/data/SOURCES.md), in the order of the files. */
  public static final List<String> SHA256 =
      List.of(
          "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
          "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
          "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
          "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34");

  static final IdxSpec SPEC =
      new IdxSpec(
          "fashion-mnist",
          "Zalando Fashion-MNIST (IDX files, 28×28, 10 classes), found locally or downloaded",
          IdxSpec.STANDARD_FILES,
          SHA256,
          List.of(
              "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
              "https://github.com/zalandoresearch/fashion-mnist/raw/master/data/fashion/"),
          Map.of("mean", 0.2860, "std", 0.3530),
          List.of(DEBIAN_DIR),
          28,
          28,
          10);

  /** The provider ServiceLoader creates. */
  public FashionMnistProvider() {
    super(SPEC);
  }

  FashionMnistProvider(Map<String, String> environment, Path home, List<Path> systemDirs) {
    super(SPEC, environment, home, systemDirs);
  }
}
