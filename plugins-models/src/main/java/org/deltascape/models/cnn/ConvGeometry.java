package org.deltascape.models.cnn;

/**
 * The shapes of one convolution block (stride-1 convolution with zero padding, then non-overlapping
 * max-pooling that drops a remainder row or column, as PyTorch's {@code MaxPool2d} does), and the
 * index maps its passes use.
 *
 * <p>Memory layouts, per example: the block's input is channels-first {@code (c, y, x)} for the
 * network's input (how datasets store images) and channels-last {@code (y, x, c)} otherwise; the
 * convolution's output is channels-last, one row per position; the pooled output is channels-last,
 * except for the last block, whose output is channels-first so that the dense head sees PyTorch's
 * {@code flatten} order.
 *
 * @param inChannels channels of the input
 * @param inHeight input rows
 * @param inWidth input columns
 * @param outChannels filters of the convolution
 * @param kernel the square kernel's side
 * @param padding zeros added on every side
 * @param pool the pooling window's side and stride
 * @param inputChannelsFirst whether the input is stored {@code (c, y, x)}
 * @param outputChannelsFirst whether the pooled output is stored {@code (c, y, x)}
 */
record ConvGeometry(
    int inChannels,
    int inHeight,
    int inWidth,
    int outChannels,
    int kernel,
    int padding,
    int pool,
    boolean inputChannelsFirst,
    boolean outputChannelsFirst) {

  /** Rows of the convolution's output. */
  int convHeight() {
    return inHeight + 2 * padding - kernel + 1;
  }

  /** Columns of the convolution's output. */
  int convWidth() {
    return inWidth + 2 * padding - kernel + 1;
  }

  /** Rows after pooling. */
  int pooledHeight() {
    return convHeight() / pool;
  }

  /** Columns after pooling. */
  int pooledWidth() {
    return convWidth() / pool;
  }

  /** Output positions of the convolution per example. */
  int positions() {
    return convHeight() * convWidth();
  }

  /** Numbers per patch, {@code inChannels · kernel²}: the kernel's fan-in. */
  int patchSize() {
    return inChannels * kernel * kernel;
  }

  /** Numbers per example of the input. */
  int inputSize() {
    return inChannels * inHeight * inWidth;
  }

  /** Numbers per example after pooling. */
  int pooledSize() {
    return outChannels * pooledHeight() * pooledWidth();
  }

  /** Whether every size is at least 1. */
  boolean fits() {
    return convHeight() >= 1 && convWidth() >= 1 && pooledHeight() >= 1 && pooledWidth() >= 1;
  }

  /**
   * The im2col map of one example: entry {@code p·Q + q}, for output position p = (y, x) and patch
   * element q = (c, ky, kx) (the order of a kernel {@code [out, in, kh, kw]} flattened), is the
   * index within the example's input of the number that meets kernel element q at position p, or
   * −1 where it falls on the zero padding.
   */
  int[] patchSources() {
    int[] sources = new int[positions() * patchSize()];
    int entry = 0;
    for (int y = 0; y < convHeight(); y++) {
      for (int x = 0; x < convWidth(); x++) {
        for (int c = 0; c < inChannels; c++) {
          for (int ky = 0; ky < kernel; ky++) {
            for (int kx = 0; kx < kernel; kx++) {
              int iy = y + ky - padding;
              int ix = x + kx - padding;
              boolean inside = iy >= 0 && iy < inHeight && ix >= 0 && ix < inWidth;
              sources[entry++] = inside ? inputIndex(c, iy, ix) : -1;
            }
          }
        }
      }
    }
    return sources;
  }

  /** The index within one example's pooled output of channel c at pooled position (y, x). */
  int pooledIndex(int c, int y, int x) {
    return outputChannelsFirst
        ? (c * pooledHeight() + y) * pooledWidth() + x
        : (y * pooledWidth() + x) * outChannels + c;
  }

  private int inputIndex(int c, int y, int x) {
    return inputChannelsFirst ? (c * inHeight + y) * inWidth + x : (y * inWidth + x) * inChannels + c;
  }
}
