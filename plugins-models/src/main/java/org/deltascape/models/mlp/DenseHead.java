package org.deltascape.models.mlp;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The dense layers of an MLP used as the head of a larger network (a CNN's classifier), over a
 * fixed number of rows: the MLP's forward, back-propagation and R-operator passes ({@link
 * MlpPasses}), with the head's input X treated as a function of parameters, so that the passes also
 * take its tangent R(X) and give its deltas ∂L/∂X and R(∂L/∂X). Not thread-safe.
 */
public final class DenseHead {
  private final MlpArchitecture shape;
  private final MlpPasses passes;
  private final MlpWorkspace ws;

  /** A head of the given shape over {@code rows} examples, with its scratch arrays. */
  public DenseHead(MlpArchitecture shape, int rows) {
    this.shape = shape;
    this.passes = new MlpPasses(shape);
    this.ws = new MlpWorkspace(shape, rows);
    ws.ensureCurvatureArrays(shape);
  }

  /** The forward pass from input {@code x} ({@code rows × features}); returns the outputs. */
  public INDArray forward(LayerViews w, INDArray x) {
    passes.forward(w, x, ws, 0, true);
    return passes.output(ws);
  }

  /** Where the caller puts {@code ∂L/∂output} before {@link #backward}. */
  public INDArray outputDelta() {
    return ws.delta[shape.layers() - 1];
  }

  /** Where the R-forward pass leaves {@code R(output) = J v}. */
  public INDArray outputTangent() {
    return ws.rz[shape.layers() - 1];
  }

  /** Where the caller puts {@code R(∂L/∂output)} before {@link #rBackward}. */
  public INDArray outputTangentDelta() {
    return ws.rdelta[shape.layers() - 1];
  }

  /** Per-example losses of the model's type, for the caller to fill. */
  public INDArray losses() {
    return ws.losses;
  }

  /** Back-propagation: the head's gradient into {@code gradient}, ∂L/∂X into {@code inputDelta}. */
  public void backward(LayerViews w, INDArray x, LayerViews gradient, INDArray inputDelta) {
    passes.backward(w, x, ws, gradient, inputDelta);
  }

  /** The R-forward pass along {@code v}, the input's tangent being {@code inputTangent}. */
  public void rForward(LayerViews w, LayerViews v, INDArray x, INDArray inputTangent) {
    passes.rForward(w, v, x, inputTangent, ws);
  }

  /** The R-backward pass; see {@link MlpPasses#rBackward}. */
  public void rBackward(
      LayerViews w,
      LayerViews v,
      INDArray x,
      INDArray inputTangent,
      LayerViews product,
      INDArray inputDelta,
      INDArray inputTangentDelta) {
    passes.rBackward(w, v, x, inputTangent, ws, product, inputDelta, inputTangentDelta);
  }
}
