package dev.ringside.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ringside} command. Exit codes: 0 fine, 1 a check found a problem, 2 bad usage or input. */
@Command(name = "ringside", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "On-call cockpit for autonomous SRE agents: a deterministic gate, approvals, a kill switch "
                + "and a tamper-evident journal.",
        subcommands = {CockpitCommand.class, RunCommand.class, RedTeamCommand.class, PolicyCommand.class, AuditCommand.class, JournalCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {

    public static void main(String[] args) {
        ClassDataCache.prepare();
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("ringside: " + e.getMessage() + " (see '"
                    + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String message = e instanceof UserError ? e.getMessage() : "internal error: " + e;
            commandLine.getErr().println("ringside: " + message);
            return 2;
        });
        return cli.execute(args);
    }

    /** Bare {@code ringside} opens the cockpit, as {@code ringside cockpit} does. */
    @Override
    public Integer call() throws Exception {
        CommandLine cockpit = new CommandLine(new CockpitCommand());
        cockpit.parseArgs();
        return cockpit.<CockpitCommand>getCommand().call();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"ringside " + (version == null ? "development build" : version)
                    + " (Java " + Runtime.version() + ")"};
        }
    }
}
