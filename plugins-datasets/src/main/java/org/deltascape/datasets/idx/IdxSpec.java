package org.deltascape.datasets.idx;

import java.nio.file.Path;
import java.util.List;

/**
 * What distinguishes one IDX dataset from another: its files, their checksums, its mirrors and
 * its defaults.
 *
 * @param id the provider id
 * @param description the provider's one-line description
 * @param files default file names (train images, train labels, test images, test labels), without
 *     {@code .gz}; empty when the user must give them
 * @param sha256 default SHA-256 of each decompressed file, in the order of {@code files}; empty
 *     when unknown
 * @param mirrors default mirror base URLs
 * @param normalize the default {@code normalize} value
 * @param systemDirs folders searched after the user's ({@code /usr/share/datasets/…})
 * @param imageRows rows of every image, or 0 when any size is accepted
 * @param imageColumns columns of every image, or 0 when any size is accepted
 * @param classes the number of classes, or 0 when the {@code classes} key or the labels decide
 */
public record IdxSpec(
    String id,
    String description,
    List<String> files,
    List<String> sha256,
    List<String> mirrors,
    Object normalize,
    List<Path> systemDirs,
    int imageRows,
    int imageColumns,
    int classes) {

  public IdxSpec {
    files = List.copyOf(files);
    sha256 = List.copyOf(sha256);
    mirrors = List.copyOf(mirrors);
    systemDirs = List.copyOf(systemDirs);
  }

  /** The file names the MNIST family uses. */
  public static final List<String> STANDARD_FILES =
      List.of(
          "train-images-idx3-ubyte",
          "train-labels-idx1-ubyte",
          "t10k-images-idx3-ubyte",
          "t10k-labels-idx1-ubyte");
}
