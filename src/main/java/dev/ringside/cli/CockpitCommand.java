package dev.ringside.cli;

import dev.ringside.app.CockpitOpener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ringside cockpit [--sandbox] [--journal FILE] [--policy FILE] [--approver NAME] [--light]}; also bare {@code ringside}. */
@Command(name = "cockpit", mixinStandardHelpOptions = true,
        description = "Open the on-call cockpit on the sandbox cluster; the watches start the demo incident.")
final class CockpitCommand implements Callable<Integer> {

    @Mixin
    PolicyOption policy;

    @Option(names = "--sandbox", description = "Use the in-process sandbox cluster (the only cluster in this build).")
    boolean sandbox;

    @Option(names = "--journal", paramLabel = "FILE", description = "Journal file (default: a new file in a temporary directory).")
    Path journal;

    @Option(names = "--approver", paramLabel = "NAME", description = "Who approves from this cockpit (default: your user name).")
    String approver = System.getProperty("user.name", "operator");

    @Option(names = "--light", description = "Start with the light theme.")
    boolean light;

    @Override
    public Integer call() throws Exception {
        CockpitOpener opener = ServiceLoader.load(CockpitOpener.class).findFirst()
                .orElseThrow(() -> new UserError("this build has no cockpit UI; the headless commands still work (see 'ringside --help')"));
        Path file = journal != null ? journal : Files.createTempDirectory("ringside-cockpit").resolve("journal.db");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) throw new UserError("no directory " + parent + " for the journal");
        return opener.open(new CockpitOpener.Options(file, policy.file, approver, light));
    }
}
