package org.deltascape.launcher.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deltascape.api.Directions;
import org.deltascape.api.Eigenpairs;
import org.deltascape.api.PartialSums;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The in-memory journal: beside a run's checkpoints it keeps a copy of what passes through without
 * writing again what the checkpoints already hold, and it crosses JVMs bit for bit.
 */
class MemoryJournalTest {

  /** A run's checkpoints that hold one fit and one space, and log every call. */
  private static final class Checkpoints implements RunJournal {
    final List<String> calls = new ArrayList<>();

    @Override
    public Optional<SavedFit> savedFit(String fitKey) {
      calls.add("savedFit " + fitKey);
      return fitKey.equals("kept") ? Optional.of(fit(1)) : Optional.empty();
    }

    @Override
    public void fitDone(String fitKey, SavedFit fit) {
      calls.add("fitDone " + fitKey);
    }

    @Override
    public Optional<Map.Entry<Directions, Integer>> savedDirections(String key) {
      calls.add("savedDirections " + key);
      return key.equals("kept") ? Optional.of(Map.entry(directions(), 7)) : Optional.empty();
    }

    @Override
    public void directionsDone(String key, Directions directions, int products) {
      calls.add("directionsDone " + key);
    }

    @Override
    public Progress monteCarlo(int point, String space) {
      calls.add("monteCarlo " + point + " " + space);
      return Progress.NONE;
    }

    @Override
    public void monteCarloProgress(int point, String space, int samplesDone, int samples,
        Map<String, PartialSums> sums) {
      calls.add("monteCarloProgress " + point + " " + space + " " + samplesDone);
    }
  }

  private static RunJournal.SavedFit fit(double scale) {
    return new RunJournal.SavedFit(new double[] {scale, -0.1 * scale, Math.PI},
        List.of(Map.of("epoch", 1, "loss", 0.5)), List.of(new double[] {0.25, 0.5, 0.75}));
  }

  private static Directions directions() {
    var basis = Nd4j.createFromArray(new double[][] {{1, 0}, {0, 1}, {0, 0}});
    return new Directions(basis, true,
        new Eigenpairs(new double[] {2.5, 1e-300}, basis, new double[] {1e-12, 3e-9}, true));
  }

  @Test
  void besideTheCheckpointsItKeepsWhatIsFoundOrDoneAndWritesOnlyWhatIsDone() {
    Checkpoints checkpoints = new Checkpoints();
    MemoryJournal memory = new MemoryJournal();
    RunJournal both = memory.alongside(checkpoints);

    assertThat(both.savedFit("kept")).isPresent();
    assertThat(both.savedFit("new")).isEmpty();
    both.fitDone("new", fit(2));
    assertThat(both.savedDirections("kept")).isPresent();
    both.directionsDone("new", directions(), 3);
    both.monteCarloProgress(0, "hessian", 64, 128, Map.of());

    assertThat(checkpoints.calls).containsExactly("savedFit kept", "savedFit new", "fitDone new",
        "savedDirections kept", "directionsDone new", "monteCarloProgress 0 hessian 64");
    assertThat(memory.fitKeys()).containsExactly("kept", "new");
    assertThat(memory.directionsKeys()).containsExactly("kept", "new");
    assertThat(memory.savedDirections("kept").orElseThrow().getValue()).isEqualTo(7);
    assertThat(memory.monteCarlo(0, "hessian")).isEqualTo(RunJournal.Progress.NONE);
  }

  @Test
  void aSerializedJournalRestoresTheSameBits() {
    MemoryJournal memory = new MemoryJournal();
    memory.fitDone("fit", fit(3));
    memory.directionsDone("space", directions(), 11);
    MemoryJournal back = (MemoryJournal) PointRunnerTest.object(PointRunnerTest.bytes(memory));

    RunJournal.SavedFit fit = back.savedFit("fit").orElseThrow();
    assertThat(fit.weights()).isEqualTo(fit(3).weights());
    assertThat(fit.history()).isEqualTo(fit(3).history());
    assertThat(fit.trajectory()).containsExactly(new double[] {0.25, 0.5, 0.75});
    Map.Entry<Directions, Integer> kept = back.savedDirections("space").orElseThrow();
    assertThat(kept.getValue()).isEqualTo(11);
    assertThat(kept.getKey().basis().data().asDouble())
        .isEqualTo(directions().basis().data().asDouble());
    assertThat(kept.getKey().basis().shape()).isEqualTo(new long[] {3, 2});
    assertThat(kept.getKey().spectrum().values()).isEqualTo(new double[] {2.5, 1e-300});
    assertThat(back.savedFit("other")).isEmpty();
  }
}
