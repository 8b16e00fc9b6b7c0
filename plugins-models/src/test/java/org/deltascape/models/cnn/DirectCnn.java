package org.deltascape.models.cnn;

import java.util.List;
import org.deltascape.api.ParameterTensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A reference CNN forward pass written as direct loops in PyTorch's conventions (NCHW images,
 * kernels {@code [out, in, kh, kw]}, zero padding, {@code MaxPool2d} with floor, σ after pooling or
 * before: equal for monotone σ; {@code flatten} in (c, y, x) order, {@code Linear} as {@code x Wᵀ +
 * b}), reading every tensor from w by its layout entry. Tanh only.
 */
final class DirectCnn {
  private DirectCnn() {}

  static INDArray outputs(CnnArchitecture shape, INDArray w, INDArray features) {
    int n = features.rows();
    List<ParameterTensor> tensors = shape.layout().tensors();
    double[][] result = new double[n][];
    for (int e = 0; e < n; e++) {
      int c = shape.inputChannels();
      int h = shape.height();
      int wd = shape.width();
      double[][][] image = new double[c][h][wd];
      for (int k = 0; k < c * h * wd; k++) {
        image[k / (h * wd)][(k / wd) % h][k % wd] = features.getDouble(e, k);
      }
      int t = 0;
      for (int b = 0; b < shape.channels().size(); b++, t += 2) {
        image = pool(convolve(image, w, tensors.get(t), tensors.get(t + 1), shape), shape.pool());
      }
      double[] flat = flatten(image);
      for (; t < tensors.size(); t += 2) {
        flat = dense(flat, w, tensors.get(t), tensors.get(t + 1), t + 2 < tensors.size());
      }
      result[e] = flat;
    }
    return Nd4j.create(result);
  }

  private static double[][][] convolve(
      double[][][] in, INDArray w, ParameterTensor kernel, ParameterTensor bias, CnnArchitecture s) {
    int out = kernel.shape().get(0);
    int k = s.kernel();
    int p = s.padding();
    int h = in[0].length + 2 * p - k + 1;
    int wd = in[0][0].length + 2 * p - k + 1;
    double[][][] result = new double[out][h][wd];
    for (int o = 0; o < out; o++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < wd; x++) {
          double sum = w.getDouble(bias.offset() + o);
          for (int c = 0; c < in.length; c++) {
            for (int ky = 0; ky < k; ky++) {
              for (int kx = 0; kx < k; kx++) {
                int iy = y + ky - p;
                int ix = x + kx - p;
                if (iy >= 0 && iy < in[0].length && ix >= 0 && ix < in[0][0].length) {
                  long index = kernel.offset() + ((long) (o * in.length + c) * k + ky) * k + kx;
                  sum += w.getDouble(index) * in[c][iy][ix];
                }
              }
            }
          }
          result[o][y][x] = Math.tanh(sum);
        }
      }
    }
    return result;
  }

  private static double[][][] pool(double[][][] in, int pool) {
    int h = in[0].length / pool;
    int wd = in[0][0].length / pool;
    double[][][] result = new double[in.length][h][wd];
    for (int c = 0; c < in.length; c++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < wd; x++) {
          double max = Double.NEGATIVE_INFINITY;
          for (int dy = 0; dy < pool; dy++) {
            for (int dx = 0; dx < pool; dx++) {
              max = Math.max(max, in[c][y * pool + dy][x * pool + dx]);
            }
          }
          result[c][y][x] = max;
        }
      }
    }
    return result;
  }

  private static double[] flatten(double[][][] in) {
    int h = in[0].length;
    int wd = in[0][0].length;
    double[] flat = new double[in.length * h * wd];
    for (int c = 0; c < in.length; c++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < wd; x++) {
          flat[(c * h + y) * wd + x] = in[c][y][x];
        }
      }
    }
    return flat;
  }

  private static double[] dense(
      double[] in, INDArray w, ParameterTensor weight, ParameterTensor bias, boolean hidden) {
    int out = weight.shape().get(0);
    double[] result = new double[out];
    for (int o = 0; o < out; o++) {
      double sum = w.getDouble(bias.offset() + o);
      for (int i = 0; i < in.length; i++) {
        sum += w.getDouble(weight.offset() + (long) o * in.length + i) * in[i];
      }
      result[o] = hidden ? Math.tanh(sum) : sum;
    }
    return result;
  }
}
