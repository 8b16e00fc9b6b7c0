package org.deltascape.launcher.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deltascape.api.DeltascapeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a run folder back, and the whole message of every fault a user can meet. */
class RunFolderTest {

  private static final String EDITED =
      "The file was edited or written by another version of deltascape: restore it or rerun the run.";

  @TempDir Path dir;

  @Test
  void readsEveryFileOfTheFixture() {
    RunFolder run = RunFolder.read(ReportFixture.write(dir.resolve("run")));
    assertThat(run.spaces()).containsExactly("hessian", "random_10");
    assertThat(run.estimators()).containsExactly("monte-carlo", "permutation-mean");
    assertThat(run.curve("hessian", "permutation-mean")).hasSize(6);
    assertThat(run.curve("hessian", "permutation-mean").get(0).delta()).isEqualTo(0.014 / 20);
    assertThat(run.spectrum()).hasSize(3);
    assertThat(run.density()).hasSize(3);
    assertThat(run.surfaces().keySet()).containsExactly("hessian");
    assertThat(run.surfaces().get("hessian")).hasSize(27);
    assertThat(run.profiles().get("hessian")).hasSize(18);
    assertThat(run.summary().plateau("random_10", "permutation-mean").stdError()).isNaN();
    assertThat(run.summary().sufficient("hessian", "monte-carlo").kHigh()).isEqualTo(33);
    assertThat(run.summary().datasetSha256()).isEqualTo(ReportFixture.SHA);
    assertThat(run.summary().history()).hasSize(3);
  }

  @Test
  void aMissingSummarySaysWhichFileAndWhatAFolderHolds() throws IOException {
    Path folder = ReportFixture.write(dir.resolve("run"));
    Files.delete(folder.resolve("summary.json"));
    assertThatThrownBy(() -> RunFolder.read(folder)).isInstanceOf(DeltascapeException.class)
        .hasMessage(folder.resolve("summary.json") + ": the file is missing. Pass a folder written by"
            + " `deltascape run` (it holds summary.json, delta.csv and spectrum.csv).");
  }

  @Test
  void aFolderThatIsNotThereIsNamed() {
    Path folder = dir.resolve("nowhere");
    assertThatThrownBy(() -> RunFolder.read(folder)).hasMessage(folder + ": not a folder. Pass a folder"
        + " written by `deltascape run` (it holds summary.json, delta.csv and spectrum.csv).");
  }

  @Test
  void aBadNumberNamesTheLineAndColumn() throws IOException {
    Path folder = ReportFixture.write(dir.resolve("run"));
    Path delta = folder.resolve("delta.csv");
    Files.writeString(delta, Files.readString(delta).replaceFirst("hessian,permutation-mean,1,10,[^,]+,",
        "hessian,permutation-mean,1,10,lots,"));
    assertThatThrownBy(() -> RunFolder.read(folder))
        .hasMessage(delta + ":8: column delta: expected a number, got \"lots\". " + EDITED);
  }

  @Test
  void aMissingColumnListsTheColumnsThereAre() {
    Path folder = ReportFixture.write(dir.resolve("run"));
    ReportFixture.write(folder.resolve("spectrum.csv"), "space,index,value\nhessian,1,0.5\n");
    assertThatThrownBy(() -> RunFolder.read(folder)).hasMessage(folder.resolve("spectrum.csv")
        + ":1: the header has no column eigenvalue, residual, hvp_count (it has space, index, value). " + EDITED);
  }

  @Test
  void aShortRowIsReported() {
    Path folder = ReportFixture.write(dir.resolve("run"));
    ReportFixture.write(folder.resolve("profile-hessian.csv"), "examples,direction,t,loss\n1,1,0.5,0.1\n1,2,0.5\n");
    assertThatThrownBy(() -> RunFolder.read(folder)).hasMessage(folder.resolve("profile-hessian.csv")
        + ":3: the row has 3 fields but the header has 4. " + EDITED);
  }

  @Test
  void brokenJsonNamesTheLine() {
    Path folder = ReportFixture.write(dir.resolve("run"));
    ReportFixture.write(folder.resolve("summary.json"), "{\n  \"name\" : \"x\",\n  oops\n}\n");
    assertThatThrownBy(() -> RunFolder.read(folder)).hasMessage(folder.resolve("summary.json")
        + ":3: not valid JSON: Unexpected character ('o' (code 111)): was expecting double-quote to start field"
        + " name. " + EDITED);
  }

  @Test
  void aSummaryWithoutTheModelSaysWhatIsMissing() {
    Path folder = ReportFixture.write(dir.resolve("run"));
    ReportFixture.write(folder.resolve("summary.json"),
        "{ \"name\" : \"x\", \"data\" : { \"block_size\" : 10, \"examples\" : 70 } }");
    assertThatThrownBy(() -> RunFolder.read(folder))
        .hasMessage(folder.resolve("summary.json") + ": summary.json has no model.id. " + EDITED);
  }
}
