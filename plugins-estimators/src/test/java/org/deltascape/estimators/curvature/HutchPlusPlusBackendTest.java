package org.deltascape.estimators.curvature;

import java.util.Map;
import org.deltascape.api.CurvatureBackend;
import org.deltascape.api.Settings;
import org.deltascape.api.contract.CurvatureBackendContract;

/** The contract for {@code hutchinson} with {@code method: hutch++}. */
class HutchPlusPlusBackendTest extends CurvatureBackendContract {

  @Override
  protected CurvatureBackend backend() {
    return new HutchinsonBackend();
  }

  @Override
  protected Settings settings() {
    return Settings.of("backend hutchinson", Map.of("method", "hutch++"));
  }

  @Override
  protected boolean findsEigenpairs() {
    return false;
  }

  @Override
  protected boolean estimatesTraces() {
    return true;
  }
}
