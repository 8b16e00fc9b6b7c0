package org.deltascape.launcher;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deltascape.api.ConfigException;
import org.deltascape.api.DeltascapeException;
import org.deltascape.api.Progress;
import org.deltascape.launcher.cli.CompareCommand;
import org.deltascape.launcher.cli.PluginsCommand;
import org.deltascape.launcher.cli.ReportCommand;
import org.deltascape.launcher.cli.ResultsCommand;
import org.deltascape.launcher.cli.RunCommand;
import org.deltascape.launcher.cli.ValidateCommand;
import org.deltascape.launcher.cli.ValidateSizeCommand;
import org.deltascape.launcher.discovery.PluginCatalog;
import org.deltascape.launcher.discovery.PluginRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code deltascape} command line. Commands are created by Guice, so they receive the plugin
 * registry, the experiment pipeline and the console by injection; tests build a launcher around a
 * registry of their own plugins.
 *
 * <p>Exit codes: 0 success, 1 run failure, 2 bad usage or config. A user sees a one-paragraph
 * error; {@code --debug} adds the stack trace.
 */
@Command(
    name = "deltascape",
    mixinStandardHelpOptions = true,
    versionProvider = Launcher.Version.class,
    description = "When does more training data stop reshaping a model's loss landscape?",
    subcommands = {RunCommand.class, PluginsCommand.class, ValidateCommand.class, ReportCommand.class, CompareCommand.class, ValidateSizeCommand.class, ResultsCommand.class, org.deltascape.launcher.cli.MergeCommand.class, org.deltascape.launcher.cli.BenchCommand.class},
    footer = {"", "Add --debug to any command to see stack traces."})
public final class Launcher implements Runnable {

  /** Exit code of a run that failed. */
  public static final int RUN_FAILURE = 1;

  /** Exit code of bad usage or a bad config. */
  public static final int BAD_USAGE = 2;

  private final PluginCatalog catalog;
  private final Console console;
  private final Progress progress;

  /** A launcher over the given plugins, writing to the given streams. */
  public Launcher(PluginRegistry registry, Console console, Progress progress) {
    this(PluginCatalog.of(registry), console, progress);
  }

  /** A launcher over the given source of plugins, writing to the given streams. */
  public Launcher(PluginCatalog catalog, Console console, Progress progress) {
    this.catalog = catalog;
    this.console = console;
    this.progress = progress;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(console.out());
  }

  /** Parses and executes one command line; returns the exit code. */
  public int execute(String... arguments) {
    List<String> args = new ArrayList<>(Arrays.asList(arguments));
    boolean debug = args.remove("--debug");
    Injector injector = Guice.createInjector(new LauncherModule(catalog, progress), binder ->
        binder.bind(Console.class).toInstance(console));
    CommandLine commandLine = new CommandLine(this, new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        return type == Launcher.class ? type.cast(Launcher.this)
            : type.getName().startsWith("org.deltascape.") ? injector.getInstance(type)
            : CommandLine.defaultFactory().create(type);
      }
    });
    commandLine.setOut(new java.io.PrintWriter(console.out(), true));
    commandLine.setErr(new java.io.PrintWriter(console.err(), true));
    commandLine.setExitCodeExceptionMapper(e ->
        e instanceof ConfigException || e instanceof CommandLine.ParameterException ? BAD_USAGE : RUN_FAILURE);
    commandLine.setExecutionExceptionHandler((e, line, parsed) -> report(e, debug));
    commandLine.getCommandSpec().exitCodeOnInvalidInput(BAD_USAGE);
    return commandLine.execute(args.toArray(String[]::new));
  }

  private int report(Exception e, boolean debug) {
    PrintStream err = console.err();
    if (e instanceof CommandLine.ParameterException usage) {
      err.println("error: " + usage.getMessage());
      return BAD_USAGE;
    }
    if (e instanceof DeltascapeException known) {
      err.println("error: " + known.getMessage());
      if (debug) {
        known.printStackTrace(err);
      }
      return known instanceof ConfigException ? BAD_USAGE : RUN_FAILURE;
    }
    String detail = e.getMessage() == null ? "no detail" : e.getMessage();
    err.println("error: deltascape failed unexpectedly (" + detail + "). This is a bug: please report"
        + " it with the output of the same command run with --debug.");
    if (debug) {
      e.printStackTrace(err);
    }
    return RUN_FAILURE;
  }

  /** The version from the launcher jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Launcher.class.getPackage().getImplementationVersion();
      return new String[] {"deltascape " + (version == null ? "dev" : version)};
    }
  }
}
