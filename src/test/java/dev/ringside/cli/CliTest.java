package dev.ringside.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringside.journal.Journal;
import dev.ringside.journal.JournalOptions;
import dev.ringside.journal.TraceEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contracts of DESIGN.md, run in-process against real files. */
class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
        List<JsonNode> jsonLines() {
            return out.lines().map(line -> {
                try {
                    return JSON.readTree(line);
                } catch (java.io.IOException e) {
                    throw new AssertionError("not JSON: " + line, e);
                }
            }).toList();
        }
    }

    private static synchronized Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void policyCheckPrintsOneDecisionPerCall() throws Exception {
        Path calls = write("calls.jsonl", """
                {"agent":"crashloop-agent","tool":"list_pods","args":{"namespace":"shop"}}
                {"agent":"crashloop-agent","tool":"rollback_deployment","args":{"namespace":"shop","name":"checkout","revision":2}}
                {"agent":"oom-agent","tool":"run_command","args":{"command":"terraform   DESTROY -auto-approve"}}
                not json at all
                """);
        Result r = run("policy", "check", "--calls", calls.toString());
        assertThat(r.exit()).isZero();
        List<JsonNode> lines = r.jsonLines();
        assertThat(lines).extracting(n -> n.get("decision").asText()).containsExactly("allow", "approval", "deny", "deny");
        assertThat(lines).extracting(n -> n.get("rule").asText())
                .containsExactly("allow", "approval/ring2", "never_allow/terraform-destroy", "schema");
        assertThat(lines.get(3).get("reason").asText()).startsWith("line 4: not valid JSON");
        assertThat(lines).allSatisfy(n -> assertThat(n.fieldNames()).toIterable().containsExactly("decision", "rule", "reason"));
    }

    @Test
    void brokenPolicyDeniesEveryCallAndSaysWhereItIsBroken() throws Exception {
        Path policy = write("policy.yaml", "agents:\n  - id: a\n    ring: 3\nactions: {}\n");
        Path calls = write("calls.jsonl", "{\"agent\":\"a\",\"tool\":\"list_pods\",\"args\":{}}\n");
        Result r = run("policy", "check", "--policy", policy.toString(), "--calls", calls.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.jsonLines()).singleElement().satisfies(n -> {
            assertThat(n.get("decision").asText()).isEqualTo("deny");
            assertThat(n.get("rule").asText()).isEqualTo("no_policy");
        });
        assertThat(r.err()).contains(policy + ":3:11: agents[0].ring");
    }

    @Test
    void missingFilesAndOptionsAreOneLineAndExitTwo() {
        Result noFile = run("policy", "check", "--calls", dir.resolve("none.jsonl").toString());
        assertThat(noFile.exit()).isEqualTo(2);
        assertThat(noFile.err().lines()).singleElement().asString().contains("cannot read calls file");
        Result noOption = run("policy", "check");
        assertThat(noOption.exit()).isEqualTo(2);
        assertThat(noOption.err().lines()).singleElement().asString().contains("--calls");
        assertThat(run("audit", "verify", "--db", dir.resolve("none.db").toString()).exit()).isEqualTo(2);
    }

    @Test
    void policyTestPassesMatchingCasesAndFailsOnMismatch() throws Exception {
        Path cases = write("cases.yaml", """
                cases:
                  - name: rollback waits
                    call: {agent: crashloop-agent, tool: rollback_deployment, args: {namespace: shop, name: checkout, revision: 3}}
                    expect: approval
                    rule: approval/ring2
                """);
        Result pass = run("policy", "test", "--cases", cases.toString());
        assertThat(pass.exit()).isZero();
        assertThat(pass.out()).contains("PASS rollback waits").contains("1 cases, 1 passed, 0 failed");

        Path wrong = write("wrong.yaml", Files.readString(cases).replace("expect: approval", "expect: allow"));
        Result fail = run("policy", "test", "--cases", wrong.toString());
        assertThat(fail.exit()).isEqualTo(1);
        assertThat(fail.out()).contains("FAIL rollback waits: expected allow (approval/ring2), got approval (approval/ring2)");
    }

    @Test
    void shippedExampleCasesPassAgainstTheDefaultPolicy() {
        Result r = run("policy", "test", "--cases", "app/examples/policy-cases.yaml");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
    }

    @Test
    void auditVerifyReportsIntactAndBrokenChains() throws Exception {
        Path db = dir.resolve("journal.db");
        try (Journal journal = Journal.open(JournalOptions.at(db))) {
            for (int i = 0; i < 3; i++) {
                journal.record("run-1", "crashloop-agent", new TraceEvent.DecisionMade("c" + i, "list_pods", "allow", "allow", "ok", "d"));
            }
        }
        Result ok = run("audit", "verify", "--db", db.toString());
        assertThat(ok.exit()).isZero();
        assertThat(ok.out().strip()).isEqualTo("audit: OK, 3 entries");

        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + db); var statement = connection.createStatement()) {
            var triggers = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'");
            List<String> names = new java.util.ArrayList<>();
            while (triggers.next()) names.add(triggers.getString(1));
            for (String name : names) statement.execute("DROP TRIGGER \"" + name + "\"");
        }
        Result broken = run("audit", "verify", "--db", db.toString());
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.out()).startsWith("audit: BROKEN");
    }

    @Test
    void journalExportWritesTheRunAsJsonLines() throws Exception {
        Path db = dir.resolve("journal.db");
        try (Journal journal = Journal.open(JournalOptions.at(db))) {
            journal.record("run-7", "oom-agent", new TraceEvent.RunStarted("oom-remediation", "OOMKilled", "live", "offline planner"));
            journal.record("run-7", "oom-agent", new TraceEvent.RunEnded("done", "restarted"));
            journal.record("run-8", "oom-agent", new TraceEvent.RunStarted("oom-remediation", "OOMKilled", "live", "x"));
        }
        Result r = run("journal", "export", "--db", db.toString(), "--run", "run-7", "--format", "jsonl");
        assertThat(r.exit()).isZero();
        assertThat(r.jsonLines()).extracting(n -> n.get("type").asText()).containsExactly("run_started", "run_ended");
        Result unknownRun = run("journal", "export", "--db", db.toString(), "--run", "nope", "--format", "jsonl");
        assertThat(unknownRun.exit()).isEqualTo(2);
        assertThat(unknownRun.err()).contains("no run 'nope'").contains("run-7");
    }

    @Test
    void journalExportChangesNothingInTheJournalAndRefusesWhatIsNotOne() throws Exception {
        Path copies = Files.createDirectories(dir.resolve("from-another-machine"));
        Path db = copies.resolve("journal.db");
        try (Journal journal = Journal.open(JournalOptions.at(db))) {
            journal.record("run-7", "oom-agent", new TraceEvent.RunStarted("oom-remediation", "OOMKilled", "live", "offline planner"));
            journal.record("run-7", "oom-agent", new TraceEvent.RunEnded("done", "restarted"));
        }
        List<String> before = listing(copies);
        byte[] bytes = Files.readAllBytes(db);
        for (String format : List.of("jsonl", "otel", "markdown")) {
            Result r = run("journal", "export", "--db", db.toString(), "--run", "run-7", "--format", format);
            assertThat(r.exit()).as(format + ": " + r.err()).isZero();
        }
        // SQLite's readers of a WAL journal may leave its -wal/-shm index files; nothing else may appear.
        assertThat(listing(copies)).as("no file added or removed beside it")
                .filteredOn(name -> !name.endsWith("-wal") && !name.endsWith("-shm")).isEqualTo(before);
        assertThat(Files.readAllBytes(db)).as("the journal's bytes").isEqualTo(bytes);

        Path notAJournal = write("notes.db", "not sqlite");
        Result refused = run("journal", "export", "--db", notAJournal.toString(), "--run", "run-7", "--format", "jsonl");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("is not a Ringside journal");
    }

    private static List<String> listing(Path directory) throws java.io.IOException {
        try (var files = Files.walk(directory)) {
            return files.map(directory::relativize).map(Path::toString).sorted().toList();
        }
    }

    @Test
    void aWrongConfigurationStopsRunAndCockpitAtStartNamingTheKey() throws Exception {
        Path config = write("ringside.yaml", "cluster:\n  agent_namespace: Ringside_Agents\n");
        for (String command : List.of("run --headless", "cockpit")) {
            List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
            args.addAll(List.of("--config", config.toString()));
            Result r = run(args.toArray(String[]::new));
            assertThat(r.exit()).as(command).isEqualTo(2);
            assertThat(r.err()).as(command).contains("ringside.yaml:2:20").contains("cluster.agent_namespace")
                    .contains("expected a namespace name");
        }
        Result missing = run("cockpit", "--config", dir.resolve("nope.yaml").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no configuration file at");
    }

    @Test
    void approvingEverythingIsRefusedOnARealCluster() throws Exception {
        Path config = write("ringside.yaml", "cluster: {sandbox: false, context: prod-eu-1}\n");
        Result r = run("run", "--headless", "--approve", "all", "--config", config.toString(), "--journal", dir.resolve("j.db").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--approve all works on the sandbox only");
        assertThat(dir.resolve("j.db")).doesNotExist();
    }

    @Test
    void sandboxOnTheCommandLineWinsOverTheConfiguredCluster() throws Exception {
        Path config = write("ringside.yaml", "cluster: {sandbox: false, context: prod-eu-1}\n");
        Path journal = dir.resolve("j.db");
        Result r = run("run", "--sandbox", "--headless", "--config", config.toString(), "--journal", journal.toString(),
                "--kill-after", "0");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("ringside run: cluster ringside-sandbox (in-process) (all namespaces), journal " + journal);
        assertThat(Files.size(journal)).isPositive();
    }
}
