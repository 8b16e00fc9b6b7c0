package org.deltascape.launcher.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deltascape.api.DeltascapeException;
import org.deltascape.launcher.output.AtomicFiles;

/**
 * What a run folder keeps to be resumed: the config tree as given (after {@code --set}), in
 * {@code checkpoint/config.json}, and in {@code checkpoint/run.ckpt} the name it defaults to, the
 * config file it came from (for relative plugin folders and to notice an edited file), the plugin
 * folders of the command line, the plan's hash and every point's canonical config.
 *
 * @param tree the config tree, as plain maps, lists and scalars
 * @param defaultName the name when the config has none
 * @param configFile the absolute path of the config file, or null for the quick start
 * @param pluginFolders the absolute plugin folders of the command line
 * @param overrides the {@code --set} overrides the run was started with
 * @param planHash the SHA-256 of the plan's canonical configs
 * @param canonicals each point's canonical config (JSON)
 */
public record StoredRun(Object tree, String defaultName, String configFile,
    List<String> pluginFolders, List<String> overrides, String planHash, List<String> canonicals) {

  /** The config tree's file in the checkpoint folder (JSON, which the YAML reader reads). */
  public static final String CONFIG = "config.json";

  /** The run's own checkpoint file. */
  public static final String RUN = "run.ckpt";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public StoredRun {
    pluginFolders = List.copyOf(pluginFolders);
    overrides = List.copyOf(overrides);
    canonicals = List.copyOf(canonicals);
  }

  void write(Path folder) {
    try {
      AtomicFiles.writeText(folder.resolve(CONFIG), JSON.writeValueAsString(tree) + "\n");
    } catch (JsonProcessingException e) {
      throw new DeltascapeException("the config cannot be kept as JSON", folder.toString(),
          "Remove non-finite numbers from the config");
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("default_name", defaultName);
    meta.put("config_file", configFile == null ? "" : configFile);
    meta.put("plugin_folders", pluginFolders);
    meta.put("overrides", overrides);
    meta.put("canonicals", canonicals);
    CheckpointFile.write(folder.resolve(RUN), "run", planHash, meta, Map.of());
  }

  /**
   * The stored run of a run folder; its config tree is read separately (with the config reader,
   * from {@link #configPath}).
   *
   * @throws DeltascapeException when the folder holds no checkpoint or a damaged one
   */
  public static StoredRun read(Path runFolder) {
    Path folder = runFolder.resolve(RunCheckpoint.FOLDER);
    CheckpointContents contents = CheckpointFile.read(folder.resolve(RUN), "run", null);
    CheckpointContents.Fields fields = contents.fields();
    JsonNode meta = contents.meta();
    List<String> folders = new ArrayList<>();
    for (JsonNode item : fields.list(meta, "plugin_folders")) {
      if (!item.isTextual()) {
        throw fields.fault("plugin_folders", item.toString(), "a folder");
      }
      folders.add(item.asText());
    }
    List<String> canonicals = texts(fields, meta, "canonicals");
    List<String> overrides = texts(fields, meta, "overrides");
    String file = fields.text(meta, "config_file");
    String hash = fields.text(contents.fields().header(), "config_sha256");
    return new StoredRun(null, fields.text(meta, "default_name"), file.isEmpty() ? null : file,
        folders, overrides, hash, canonicals);
  }

  private static List<String> texts(CheckpointContents.Fields fields, JsonNode meta, String name) {
    List<String> texts = new ArrayList<>();
    for (JsonNode item : fields.list(meta, name)) {
      if (!item.isTextual()) {
        throw fields.fault(name, item.toString(), "a list of text");
      }
      texts.add(item.asText());
    }
    return texts;
  }

  /** Where a run folder keeps its config tree. */
  public static Path configPath(Path runFolder) {
    return runFolder.resolve(RunCheckpoint.FOLDER).resolve(CONFIG);
  }
}
