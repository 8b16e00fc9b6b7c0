package org.deltascape.models.mlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.deltascape.api.Batch;
import org.deltascape.api.RandomKey;
import org.deltascape.api.SubspaceModel;
import org.deltascape.api.TargetKind;
import org.deltascape.models.FullSpaceSubspaceModel;
import org.deltascape.models.TestData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Issue 6: in float32, the subspace model's block evaluation ({@code z_0(θ) = [1, θᵀ]·[Z*; T_d]},
 * the later layers from a_0 = σ(z_0) in place, cross-entropy rows written straight into the
 * output) equals the plain forward pass at w0 + Pθ ({@link FullSpaceSubspaceModel}, also float32)
 * to {@value #PRECOMPUTED_VS_PLAIN} relative (norm-wise), on a network shaped like the paper's
 * (a wide first layer, two hidden layers, 10 classes) with blocks both whole and partial.
 */
class FirstLayerPrecomputationTest {

  /** Float32 precomputation against the float32 forward pass (issue 6). */
  static final double PRECOMPUTED_VS_PLAIN = 1e-5;

  private static final long SEED = 43;

  @Test
  void blockEvaluationEqualsThePlainForwardPassInFloat() {
    for (Activation activation : List.of(Activation.RELU, Activation.TANH)) {
      MlpModel model = new MlpModel(new MlpArchitecture(64, List.of(48, 32), 10, activation,
          TargetKind.CLASSIFICATION, DataType.FLOAT));
      Batch batch = TestData.classification(SEED, 200, 64, 10, DataType.FLOAT);
      INDArray w = model.initialWeights(new RandomKey(SEED, "w", 0));
      int dim = 6;
      INDArray basis = MlpNumericsTest.gaussian(model.parameterCount() * dim, 3)
          .reshape(model.parameterCount(), dim).divi(Math.sqrt(model.parameterCount()));
      INDArray thetas = MlpNumericsTest.gaussian(11L * dim, 4).reshape(11, dim);
      INDArray expected = Nd4j.create(DataType.DOUBLE, 11, 200);
      new FullSpaceSubspaceModel(model, w, basis).losses(thetas, batch, expected);
      // whole blocks and slices, then blocks of 4 samples (11 = 4 + 4 + 3) and slices of 64
      // examples (200 = 3·64 + 8)
      for (long block : new long[] {MlpSubspaceModel.BLOCK_ELEMENTS, 4L * 200 * 48}) {
        for (int slice : new int[] {MlpSubspaceModel.SLICE_ROWS, 64}) {
          SubspaceModel restricted = new MlpSubspaceModel(model.architecture(), w, basis, block,
              SubspaceTaylorPasses.CHUNK_ELEMENTS, slice);
          INDArray actual = Nd4j.create(DataType.DOUBLE, 11, 200);
          restricted.losses(thetas, batch, actual);
          assertThat(MlpNumericsTest.relative(actual, expected))
              .as("%s, block of %d numbers, slices of %d", activation, block, slice)
              .isLessThanOrEqualTo(PRECOMPUTED_VS_PLAIN);
        }
      }
    }
  }
}
