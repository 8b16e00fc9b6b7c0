package org.deltascape.launcher.engine;

import java.util.List;
import org.deltascape.api.Dataset;
import org.deltascape.api.Model;
import org.deltascape.api.ParameterLayout;

/**
 * What every point of an experiment with the same data, model and training shares: the loaded
 * data, the model, w* and its scores.
 *
 * @param train the examples the landscape is measured on
 * @param test the held-out split, or null
 * @param notes what the user should know about the data
 * @param model the model
 * @param fit w* (trained or loaded) with its history and trajectory
 * @param chunks the training examples in the model's data type
 * @param trainScore w*'s loss and accuracy on the training examples
 * @param testScore w*'s loss and accuracy on the test split, or null
 */
record Fit(
    Dataset train,
    Dataset test,
    List<String> notes,
    Model model,
    ModelFit fit,
    DataChunks chunks,
    ModelScore trainScore,
    ModelScore testScore) {

  ParameterLayout layout() {
    return model.layout();
  }
}
