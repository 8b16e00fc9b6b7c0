package org.deltascape.models.cnn;

/**
 * The shapes of one convolution block (stride-1 convolution with zero padding, then non-overlapping
 * max-pooling that drops a remainder row or column, as PyTorch's {@code MaxPool2d} does), and the
 * memory layouts its passes use.
 *
 * <p>Layouts, per example: the block's input is held <em>padded and channels-last</em>, {@code (y,
 * x, c)} over {@code paddedHeight × paddedWidth} with zeros on the border, so that the part of a
 * patch under one kernel row is one contiguous run of {@link #runLength()} numbers. Patches are
 * laid out in {@code (ky, kx, c)} order, so the blocks' kernels are held internally as {@code
 * [out, kh, kw, in]} ({@link CnnArchitecture#internalOrder()}); the parameter vector keeps
 * PyTorch's {@code [out, in, kh, kw]}. The convolution's output is channels-last, one row per position. The pooled
 * output goes straight into the next block's padded input, or, for the last block, channels-first
 * {@code (c, y, x)}, so that the dense head sees PyTorch's {@code flatten} order.
 *
 * @param inChannels channels of the input
 * @param inHeight input rows
 * @param inWidth input columns
 * @param outChannels filters of the convolution
 * @param kernel the square kernel's side
 * @param padding zeros added on every side of the input
 * @param pool the pooling window's side and stride
 * @param inputChannelsFirst whether the network stores this block's input {@code (c, y, x)} (the
 *     first block's, as datasets store images)
 * @param last whether this is the last block, whose pooled output is channels-first and unpadded
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
    boolean last) {

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

  /** Numbers of a patch under one kernel row, {@code kernel · inChannels}: contiguous in U. */
  int runLength() {
    return kernel * inChannels;
  }

  /** Numbers per example of the input, unpadded. */
  int inputSize() {
    return inChannels * inHeight * inWidth;
  }

  /** Rows of the padded input. */
  int paddedHeight() {
    return inHeight + 2 * padding;
  }

  /** Columns of the padded input. */
  int paddedWidth() {
    return inWidth + 2 * padding;
  }

  /** Numbers per example of the padded, channels-last input. */
  int paddedSize() {
    return paddedHeight() * paddedWidth() * inChannels;
  }

  /** Numbers per example of the convolution's output. */
  int convSize() {
    return positions() * outChannels;
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
   * Where each pooled output goes within one example's destination: entry {@code (py·Wq + px)·O +
   * c} (the order the pooling visits them) is the offset of channel c at pooled position (py, px)
   * in the next block's padded, channels-last input (whose padding is {@code nextPadding}), or, for
   * the last block, in the channels-first flattened output.
   */
  int[] pooledOffsets(int nextPadding) {
    int height = pooledHeight();
    int width = pooledWidth();
    int[] offsets = new int[pooledSize()];
    int entry = 0;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        for (int c = 0; c < outChannels; c++) {
          offsets[entry++] =
              last
                  ? (c * height + y) * width + x
                  : ((y + nextPadding) * (width + 2 * nextPadding) + x + nextPadding) * outChannels
                      + c;
        }
      }
    }
    return offsets;
  }

  /** Numbers per example of the destination {@link #pooledOffsets} indexes. */
  int pooledStride(int nextPadding) {
    return last
        ? pooledSize()
        : (pooledHeight() + 2 * nextPadding) * (pooledWidth() + 2 * nextPadding) * outChannels;
  }

  /**
   * Where each number of one unpadded input example ({@code (c, y, x)} when {@link
   * #inputChannelsFirst}, else {@code (y, x, c)}) goes in the padded, channels-last input.
   */
  int[] inputOffsets() {
    int[] offsets = new int[inputSize()];
    for (int c = 0; c < inChannels; c++) {
      for (int y = 0; y < inHeight; y++) {
        for (int x = 0; x < inWidth; x++) {
          int source =
              inputChannelsFirst
                  ? (c * inHeight + y) * inWidth + x
                  : (y * inWidth + x) * inChannels + c;
          offsets[source] = ((y + padding) * paddedWidth() + x + padding) * inChannels + c;
        }
      }
    }
    return offsets;
  }
}
