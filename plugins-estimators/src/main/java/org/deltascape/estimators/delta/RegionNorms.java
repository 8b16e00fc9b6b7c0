package org.deltascape.estimators.delta;

import org.deltascape.api.Dataset;
import org.deltascape.api.EstimationContext;
import org.deltascape.api.ExampleDerivatives;
import org.deltascape.api.Model;
import org.deltascape.api.SubspaceModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The largest per-example D-gradient norm ‖Pᵀ∇l_i‖ and D×D Hessian norm over w* and a few points
 * w* + Pθ_s of the sampled region, for the constants M_g and M_H of the bound. The Hessian's norm
 * is its Frobenius norm, an upper bound of the spectral norm the bound needs (equal for the rank-one
 * Hessians of linear models). At θ_s the model is restricted again with centre w* + Pθ_s and its
 * exact derivatives taken, chunk by chunk of {@value #CHUNK} examples.
 *
 * @param gradient max ‖Pᵀ∇l_i‖
 * @param hessian max ‖Pᵀ∇²l_i P‖_F
 * @param points how many points of the region besides w* were examined
 */
record RegionNorms(double gradient, double hessian, int points) {
  static final int CHUNK = 512;

  /** The maxima at w* from the derivatives. */
  static RegionNorms atCentre(ExampleDerivatives derivatives) {
    double[] g = TaylorIncrements.flat(derivatives.gradients());
    double[] h = TaylorIncrements.flat(derivatives.hessians());
    int n = (int) derivatives.values().length();
    return of(g, h, n, g.length / n, 0);
  }

  /** These maxima and those at θ_0 … θ_{count−1} of the run's sampler. */
  RegionNorms andSampled(EstimationContext context, int count) {
    Model model = context.model();
    INDArray basis = context.directions().basis();
    int dimension = basis.columns();
    INDArray thetas = Nd4j.zeros(DataType.DOUBLE, count, dimension);
    context.sampler().sample(context.samplingKey(), 0, thetas);
    Dataset data = context.data();
    double gradientMax = gradient;
    double hessianMax = hessian;
    for (int s = 0; s < count; s++) {
      INDArray theta = thetas.getRow(s).reshape(dimension, 1);
      INDArray centre = context.weights().add(basis.mmul(theta).reshape(context.weights().shape()));
      SubspaceModel subspace = model.restrict(centre, basis);
      for (int from = 0; from < data.size(); from += CHUNK) {
        int to = Math.min(data.size(), from + CHUNK);
        int n = to - from;
        INDArray v = Nd4j.zeros(DataType.DOUBLE, n);
        INDArray g = Nd4j.zeros(DataType.DOUBLE, n, dimension);
        INDArray h = Nd4j.zeros(DataType.DOUBLE, n, dimension, dimension);
        subspace.derivatives(data.batch(from, to, model.dataType()), v, g, h);
        RegionNorms chunk =
            of(TaylorIncrements.flat(g), TaylorIncrements.flat(h), n, dimension, 0);
        gradientMax = Math.max(gradientMax, chunk.gradient);
        hessianMax = Math.max(hessianMax, chunk.hessian);
      }
    }
    return new RegionNorms(gradientMax, hessianMax, points + count);
  }

  private static RegionNorms of(double[] g, double[] h, int n, int dimension, int points) {
    double gradientMax = 0.0;
    double hessianMax = 0.0;
    int width = dimension * dimension;
    for (int i = 0; i < n; i++) {
      double squares = 0.0;
      for (int d = 0; d < dimension; d++) {
        squares += g[i * dimension + d] * g[i * dimension + d];
      }
      gradientMax = Math.max(gradientMax, Math.sqrt(squares));
      squares = 0.0;
      for (int e = 0; e < width; e++) {
        squares += h[i * width + e] * h[i * width + e];
      }
      hessianMax = Math.max(hessianMax, Math.sqrt(squares));
    }
    return new RegionNorms(gradientMax, hessianMax, points);
  }
}
