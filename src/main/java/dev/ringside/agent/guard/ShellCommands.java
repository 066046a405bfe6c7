package dev.ringside.agent.guard;

import dev.ringside.policy.command.CommandRule;
import dev.ringside.policy.command.CommandScanner;
import dev.ringside.policy.command.Dialect;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Destructive shell commands written into data ({@code kubectl delete ns payments},
 * {@code helm uninstall shop}), read by the policy's own {@link CommandScanner} so quoting,
 * {@code sudo}, resource aliases and look-alike letters are seen through the same way the gate sees them.
 * Each line is a command candidate; a line naming none of the programs is skipped cheaply.
 */
final class ShellCommands {

    private static final List<String> PROGRAMS = List.of("kubectl", "oc", "helm", "terraform", "rm", "aws");

    /**
     * A program directly followed (flags aside) by a verb: a command, not prose that mentions the
     * program and, later, a verb ("terraform plan: 0 to add, 1 to change, 0 to destroy").
     */
    private static final Pattern COMMAND_SHAPE = Pattern.compile("(?<![a-z0-9_-])(?:kubectl|oc|helm|terraform)"
            + "(?:[ \\t]+-{1,2}[a-z0-9=./:_-]{1,80}(?:[ \\t]+[a-z0-9][a-z0-9./:_-]{0,80})?){0,4}[ \\t\"'`]+(?:delete|drain|uninstall|destroy|create|patch|get|apply|"
            + "scale|edit|replace|set|cordon|taint|label|rollout|exec|adm)(?![a-z])|(?<![a-z0-9_-])rm[ \\t]+-"
            + "|(?<![a-z0-9_-])aws[ \\t]+s3[ \\t]");

    /** Commands that destroy or hand over the cluster: decisive wherever they appear in data. */
    private static final CommandScanner DESTRUCTIVE = CommandScanner.compile(List.of(
            rule("kubectl-delete", "kubectl delete"),
            rule("kubectl-patch-clusterrolebinding", "kubectl patch clusterrolebindings"),
            rule("kubectl-patch-rolebinding", "kubectl patch rolebindings"),
            rule("kubectl-patch-clusterrole", "kubectl patch clusterroles"),
            rule("kubectl-create-clusterrolebinding", "kubectl create clusterrolebinding"),
            rule("kubectl-create-rolebinding", "kubectl create rolebinding"),
            rule("kubectl-drain", "kubectl drain"),
            rule("kubectl-get-secret", "kubectl get secrets"),
            rule("oc-delete", "oc delete"),
            rule("oc-adm-policy", "oc adm policy"),
            rule("helm-uninstall", "helm uninstall"),
            rule("helm-delete", "helm delete"),
            rule("terraform-destroy", "terraform destroy"),
            rule("terraform-apply-destroy", "terraform apply -destroy"),
            rule("rm-recursive-force", "rm -r -f"),
            rule("aws-s3-rm-recursive", "aws s3 rm --recursive")));

    /**
     * Commands that change the cluster but also appear in honest records of what was done
     * ({@code kubernetes.io/change-cause: kubectl set image ...}): a hint that needs company.
     */
    private static final CommandScanner CHANGING = CommandScanner.compile(List.of(
            rule("kubectl-scale", "kubectl scale"),
            rule("kubectl-patch", "kubectl patch"),
            rule("kubectl-apply", "kubectl apply"),
            rule("kubectl-edit", "kubectl edit"),
            rule("kubectl-replace", "kubectl replace"),
            rule("kubectl-set", "kubectl set"),
            rule("kubectl-cordon", "kubectl cordon"),
            rule("kubectl-taint", "kubectl taint"),
            rule("kubectl-label", "kubectl label"),
            rule("kubectl-rollout-undo", "kubectl rollout undo"),
            rule("kubectl-rollout-restart", "kubectl rollout restart"),
            rule("kubectl-exec", "kubectl exec")));

    private ShellCommands() {
    }

    private static CommandRule rule(String name, String pattern) {
        return new CommandRule(name, Dialect.SHELL, pattern);
    }

    /** Adds a signal for each line of {@code original} that holds a destructive or changing command. */
    static void collect(String original, Reading folded, List<Signal> into) {
        String text = folded.text();
        if (!mentionsAProgram(text)) {
            return;
        }
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            if (lineEnd > lineStart && COMMAND_SHAPE.matcher(text.substring(lineStart, lineEnd)).find()) {
                int from = folded.originStart(lineStart);
                int to = folded.originEnd(lineEnd);
                String line = original.substring(from, to);
                if (DESTRUCTIVE.firstMatch(line).isPresent()) {
                    into.add(new Signal("shell-command", Signal.DECISIVE, from, to));
                } else if (CHANGING.firstMatch(line).isPresent()) {
                    into.add(new Signal("shell-command", 2, from, to));
                }
            }
            lineStart = lineEnd + 1;
        }
    }

    private static boolean mentionsAProgram(String text) {
        for (String program : PROGRAMS) {
            if (text.contains(program)) {
                return true;
            }
        }
        return false;
    }
}
