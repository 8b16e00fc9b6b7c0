package org.deltascape.launcher;

import org.deltascape.launcher.discovery.PluginCatalog;
import org.deltascape.launcher.output.ConsoleProgress;

/** The entry point of {@code deltascape.jar}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Console console = new Console(System.out, System.err);
    int code;
    try {
      code = new Launcher(PluginCatalog.classpath(Main.class.getClassLoader()), console, new ConsoleProgress(System.err, System.console() != null))
          .execute(args);
    } catch (org.deltascape.api.DeltascapeException e) {
      System.err.println("error: " + e.getMessage());
      code = Launcher.RUN_FAILURE;
    }
    System.exit(code);
  }
}
