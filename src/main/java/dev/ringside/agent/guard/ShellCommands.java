package dev.ringside.agent.guard;

import dev.ringside.policy.command.CommandRule;
import dev.ringside.policy.command.CommandScanner;
import dev.ringside.policy.command.Dialect;
import java.util.List;

/**
 * Destructive shell commands written into data ({@code kubectl delete ns payments},
 * {@code helm uninstall shop}), read by the policy's own {@link CommandScanner} so quoting,
 * {@code sudo}, resource aliases and look-alike letters are seen through the same way the gate sees them.
 * Each line is a command candidate; a line naming none of the programs is skipped cheaply.
 */
final class ShellCommands {

    private static final List<String> PROGRAMS = List.of("kubectl", "oc", "helm", "terraform", "rm", "aws");

    private static final CommandScanner SCANNER = CommandScanner.compile(List.of(
            rule("kubectl-delete", "kubectl delete"),
            rule("kubectl-scale", "kubectl scale"),
            rule("kubectl-patch", "kubectl patch"),
            rule("kubectl-apply", "kubectl apply"),
            rule("kubectl-edit", "kubectl edit"),
            rule("kubectl-replace", "kubectl replace"),
            rule("kubectl-create-clusterrolebinding", "kubectl create clusterrolebinding"),
            rule("kubectl-create-rolebinding", "kubectl create rolebinding"),
            rule("kubectl-set-image", "kubectl set image"),
            rule("kubectl-drain", "kubectl drain"),
            rule("kubectl-cordon", "kubectl cordon"),
            rule("kubectl-taint", "kubectl taint"),
            rule("kubectl-rollout-undo", "kubectl rollout undo"),
            rule("kubectl-get-secret", "kubectl get secrets"),
            rule("kubectl-exec", "kubectl exec"),
            rule("oc-delete", "oc delete"),
            rule("oc-adm-policy", "oc adm policy"),
            rule("helm-uninstall", "helm uninstall"),
            rule("helm-delete", "helm delete"),
            rule("terraform-destroy", "terraform destroy"),
            rule("terraform-apply-destroy", "terraform apply -destroy"),
            rule("rm-recursive-force", "rm -r -f"),
            rule("aws-s3-rm-recursive", "aws s3 rm --recursive")));

    private ShellCommands() {
    }

    private static CommandRule rule(String name, String pattern) {
        return new CommandRule(name, Dialect.SHELL, pattern);
    }

    /** Adds a decisive signal for each line of {@code original} that holds a destructive command. */
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
            if (lineEnd > lineStart && mentionsAProgram(text.substring(lineStart, lineEnd))) {
                int from = folded.originStart(lineStart);
                int to = folded.originEnd(lineEnd);
                SCANNER.firstMatch(original.substring(from, to))
                        .ifPresent(rule -> into.add(new Signal("shell-command", Signal.DECISIVE, from, to)));
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
