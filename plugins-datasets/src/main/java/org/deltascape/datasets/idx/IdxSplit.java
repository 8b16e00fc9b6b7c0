package org.deltascape.datasets.idx;

import java.util.List;
import org.deltascape.datasets.ArrayDataset;
import org.deltascape.datasets.FeatureMatrix;
import org.deltascape.datasets.Fingerprint;
import org.deltascape.datasets.TargetMatrix;

/**
 * One split of an IDX dataset, an images file and a labels file, checked against each other and
 * against the dataset: equal counts, the expected image size, labels within the classes.
 *
 * @param images the images file (3 dimensions)
 * @param labels the labels file (1 dimension)
 * @param imagesName the configured name of the images file, for the fingerprint
 * @param labelsName the configured name of the labels file
 */
public record IdxSplit(IdxFile images, IdxFile labels, String imagesName, String labelsName) {

  /** Images rows. */
  public int rows() {
    return images.dims()[1];
  }

  /** Images columns. */
  public int columns() {
    return images.dims()[2];
  }

  /**
   * Checks the two files against each other and the expected image size.
   *
   * @param expectedRows expected image rows, or 0 for any (then {@code reference} decides)
   * @param expectedColumns expected image columns, or 0 for any
   * @param reason how the expectation is stated in a message ({@code "fashion-mnist images are
   *     28×28"})
   */
  public void check(int expectedRows, int expectedColumns, String reason) {
    if (labels.count() != images.count()) {
      throw IdxFault.of(
          labels.path(), IdxFault.COUNT_MISMATCH, labels.count(), images.path(), images.count());
    }
    boolean pixels = rows() > 0 && columns() > 0;
    if (!pixels || expectedRows > 0 && (rows() != expectedRows || columns() != expectedColumns)) {
      throw IdxFault.of(
          images.path(), IdxFault.WRONG_IMAGE_SIZE, rows(), columns(),
          pixels ? reason : "an image needs at least one pixel");
    }
  }

  /** The largest label. */
  public int maxLabel() {
    int max = 0;
    byte[] bytes = labels.bytes();
    for (int i = labels.headerLength(); i < labels.headerLength() + labels.count(); i++) {
      max = Math.max(max, bytes[i] & 0xff);
    }
    return max;
  }

  /**
   * The split as a dataset of {@code classes} classes (every label checked), its features {@code
   * p · scale + offset}, its fingerprint the SHA-256 of the {@code sha256sum}-style manifest of
   * its two decompressed files.
   */
  public ArrayDataset dataset(String name, int classes, Normalization normalization) {
    int count = images.count();
    int[] classOf = new int[count];
    byte[] bytes = labels.bytes();
    int base = labels.headerLength();
    for (int i = 0; i < count; i++) {
      int label = bytes[base + i] & 0xff;
      if (label >= classes) {
        throw IdxFault.of(labels.path(), IdxFault.LABEL_RANGE, label, (long) base + i, classes - 1);
      }
      classOf[i] = label;
    }
    FeatureMatrix features =
        FeatureMatrix.ofBytes(
            count,
            rows() * columns(),
            images.bytes(),
            images.headerLength(),
            normalization.scale(),
            normalization.offset());
    return new ArrayDataset(
        name,
        List.of(rows() * columns()),
        features,
        TargetMatrix.ofClasses(classOf, classes),
        Fingerprint.ofText(manifest()));
  }

  /** {@code "<sha256>  <images name>\n<sha256>  <labels name>\n"}. */
  public String manifest() {
    return images.sha256() + "  " + imagesName + "\n" + labels.sha256() + "  " + labelsName + "\n";
  }
}
