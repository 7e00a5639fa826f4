package org.shinsei.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.shinsei.form.LayoutLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code shinsei} command (SPEC §4). Exit status: 0 when the command did its work (for {@code run}: the batch
 * completed, whatever the outcomes); 1 for a usage error; 2 or more when the batch or the command failed.
 */
@Command(name = "shinsei", mixinStandardHelpOptions = true, version = "Shinsei 0.1.0", scope = ScopeType.INHERIT,
        description = "Checks scanned My Number card applications (個人番号カード交付申請書), batch by batch.",
        subcommands = {RunCommand.class, ReplayCommand.class, VerifyCommand.class, ReportCommand.class, QueueCommand.class,
                RegistryCommand.class, GenerateCommand.class, WorkerCommand.class, BatchesCommand.class,
                BenchCommand.class})
public final class ShinseiCli {

    public static final int EXIT_OK = 0;
    public static final int EXIT_USAGE = 1;
    public static final int EXIT_FAILED = 2;

    /** Where an installation keeps its database and broker journal unless told otherwise (config/application.yml). */
    public static final String DATA_DIR_PROPERTY = "shinsei.data-dir";
    public static final String DATA_DIR_ENV = "SHINSEI_DATA_DIR";

    private ShinseiCli() {
    }

    /** {@code --data-dir DIR} on every command: the database and the broker journal go there. */
    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Folder of the database and the broker journal (default: $" + DATA_DIR_ENV
                    + ", else data/ in the installation).")
    void dataDir(Path dir) {
        System.setProperty(DATA_DIR_PROPERTY, dir.toAbsolutePath().normalize().toString());
    }

    public static int run(String[] args) {
        System.setProperty("shinsei.home", LayoutLoader.home().toAbsolutePath().normalize().toString());
        String fromEnv = System.getenv(DATA_DIR_ENV);
        if (System.getProperty(DATA_DIR_PROPERTY) == null && fromEnv != null && !fromEnv.isBlank()) {
            System.setProperty(DATA_DIR_PROPERTY, Path.of(fromEnv).toAbsolutePath().normalize().toString());
        }
        CommandLine cli = new CommandLine(new ShinseiCli());
        cli.setExitCodeExceptionMapper(e -> EXIT_FAILED);
        cli.setParameterExceptionHandler((e, a) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println(e.getMessage());
            e.getCommandLine().usage(err);
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((e, parsed, result) -> {
            parsed.getErr().println("shinsei: " + e.getMessage());
            return EXIT_FAILED;
        });
        return cli.execute(args);
    }
}
