package dev.ringside.policy.command;

import static dev.ringside.policy.command.Policies.deniedBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShellCommandMatchingTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "kubectl delete deployments checkout",
            "kubectl delete deployment checkout",
            "kubectl delete deploy checkout",
            "kubectl delete deploy/checkout",
            "kubectl delete deployment.apps/checkout",
            "kubectl delete deployments.apps checkout",
            "kubectl delete deploy.apps checkout",
            "kubectl delete deployments.v1.apps checkout",
            "kubectl delete deploy,svc checkout",
            "kubectl delete svc,deploy checkout",
    })
    void deploymentAliasesAllMatch(String command) {
        assertThat(deniedBy(command)).isEqualTo("kubectl-delete-deployment");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "kubectl delete ns shop",
            "kubectl delete namespace shop",
            "kubectl delete namespaces shop",
            "kubectl delete namespace/shop",
    })
    void namespaceAliasesAllMatch(String command) {
        assertThat(deniedBy(command)).isEqualTo("kubectl-delete-namespace");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "kubectl delete pvc data-0",
            "kubectl delete pvcs data-0",
            "kubectl delete persistentvolumeclaim data-0",
            "kubectl delete persistentvolumeclaims/data-0",
    })
    void persistentVolumeClaimAliasesAllMatch(String command) {
        assertThat(deniedBy(command)).isEqualTo("kubectl-delete-pvc");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "kubectl delete crd widgets.example.com",
            "kubectl delete crds widgets.example.com",
            "kubectl delete customresourcedefinition widgets.example.com",
            "kubectl delete customresourcedefinitions.apiextensions.k8s.io widgets.example.com",
            "kubectl delete customresourcedefinition.apiextensions.k8s.io/widgets.example.com",
    })
    void customResourceDefinitionAliasesAllMatch(String command) {
        assertThat(deniedBy(command)).isEqualTo("kubectl-delete-crd");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "KUBECTL DELETE DEPLOYMENT checkout",
            "Kubectl Delete Deploy checkout",
            "kubectl    delete     deploy   checkout",
            "kubectl\tdelete\t\tdeploy\tcheckout",
            "  kubectl delete deploy checkout  ",
            "kubectl \\\n  delete \\\n  deploy checkout",
    })
    void caseAndWhitespaceDoNotMatter(String command) {
        assertThat(deniedBy(command)).isEqualTo("kubectl-delete-deployment");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "kubectl --context prod -n shop delete deploy checkout",
            "kubectl delete -n shop deploy checkout --wait=false",
            "kubectl delete --namespace=shop --grace-period 0 deployment checkout --force",
    })
    void flagsBetweenWordsDoNotHideTheCommand(String command) {
        assertThat(deniedBy(command)).isEqualTo("kubectl-delete-deployment");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "aws s3 rm s3://bucket --recursive",
            "aws s3 rm --recursive s3://bucket",
            "aws --profile prod s3 rm s3://bucket --recursive --quiet",
            "aws s3 rm --quiet --recursive=true s3://bucket",
            "aws s3 rm s3://bucket -recursive",
    })
    void flagOrderAndEqualsFormsDoNotMatter(String command) {
        assertThat(deniedBy(command)).isEqualTo("aws-s3-recursive-rm");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "terraform apply -destroy",
            "terraform apply --destroy -auto-approve",
            "terraform -chdir=infra apply -auto-approve -destroy=true",
    })
    void goStyleSingleDashFlagsMatch(String command) {
        assertThat(deniedBy(command)).isEqualTo("terraform-apply-destroy");
    }

    @Test
    void bundledShortFlagsContainEachFlag() {
        CommandScanner scanner = CommandScanner.compile(List.of(Policies.shell("rm-recursive", "rm -r")));

        assertThat(scanner.firstMatch("rm -rf /var/lib/data")).isPresent();
        assertThat(scanner.firstMatch("rm -f /var/lib/data/one")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "k\"u\"bectl delete deploy checkout",
            "kube\\ctl delete deploy checkout",
            "'kubectl' 'delete' \"deploy\" checkout",
            "kubectl 'delete deploy' checkout",
            "kubectl de''lete dep\"\"loy checkout",
            "k\\u\\b\\e\\c\\t\\l delete deploy checkout",
    })
    void quotingAndEscapesAreSeenThrough(String command) {
        assertThat(deniedBy(command)).isEqualTo("kubectl-delete-deployment");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "sudo kubectl delete deploy checkout",
            "sudo -u root -E kubectl delete deploy checkout",
            "env KUBECONFIG=/tmp/k kubectl delete deploy checkout",
            "sh -c \"kubectl delete deploy checkout\"",
            "bash -c 'kubectl delete deploy checkout'",
            "nohup kubectl delete deploy checkout &",
            "timeout 5 kubectl delete deploy checkout",
            "watch -n1 kubectl delete deploy checkout",
            "echo checkout | xargs kubectl delete deploy",
            "exec kubectl delete deploy checkout",
            "command kubectl delete deploy checkout",
    })
    void wrappersBeforeTheProgramAreTransparent(String command) {
        assertThat(deniedBy(command)).isEqualTo("kubectl-delete-deployment");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/usr/local/bin/kubectl delete deploy checkout",
            "./kubectl delete deploy checkout",
            "kubectl.exe delete deploy checkout",
            "/opt/k8s/bin/kubectl.exe delete deploy checkout",
    })
    void programIsMatchedByBasename(String command) {
        assertThat(deniedBy(command)).isEqualTo("kubectl-delete-deployment");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "kubectl get pods; kubectl delete deploy checkout",
            "kubectl get pods && kubectl delete deploy checkout",
            "false || kubectl delete deploy checkout",
            "kubectl get pods | kubectl delete deploy checkout",
            "kubectl get pods\nkubectl delete deploy checkout",
            "(kubectl delete deploy checkout)",
            "echo $(kubectl delete deploy checkout)",
            "echo `kubectl delete deploy checkout`",
            "kubectl get pods&kubectl delete deploy checkout",
    })
    void chainedCommandsAreEachScanned(String command) {
        assertThat(deniedBy(command)).isEqualTo("kubectl-delete-deployment");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "kubectl get deploy; delete deploy checkout",
            "kubectl get pods | delete deploy checkout",
            "kubectl\ndelete deploy checkout",
    })
    void wordsOfDifferentCommandsDoNotCombine(String command) {
        assertThat(deniedBy(command)).isEqualTo("none");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "kubectl${IFS}delete${IFS}deploy${IFS}checkout",
            "kubectl$IFS'delete'$IFS'deploy' checkout",
            "{kubectl,delete,deploy,checkout}",
            "ku$@bectl delete deploy checkout",
            "k${unset}ubectl de$1lete deploy checkout",
            "$HOME/bin/kubectl delete deploy checkout",
            "$(echo kubectl) delete deploy checkout",
            "`echo kubectl` delete deploy checkout",
    })
    void shellWordSplittingTricksAreSeenThrough(String command) {
        assertThat(deniedBy(command)).isEqualTo("kubectl-delete-deployment");
    }

    @Test
    void base64WrappedCommandMatches() {
        assertThat(deniedBy("echo a3ViZWN0bCBkZWxldGUgZGVwbG95IHg= | base64 -d | sh"))
                .isEqualTo("kubectl-delete-deployment");
    }

    @Test
    void base64PayloadAloneIsStillDecoded() {
        assertThat(deniedBy("a3ViZWN0bCBkZWxldGUgZGVwbG95IHg=")).isEqualTo("kubectl-delete-deployment");
    }

    @Test
    void base64WithInvisibleCharactersInsideIsStillDecoded() {
        assertThat(deniedBy("echo a3ViZWN0bCBk\u200BZWxldGUgZGVwbG95IHg= | base64 -di | sh"))
                .isEqualTo("kubectl-delete-deployment");
    }

    @Test
    void base64OfBenignTextDoesNotMatch() {
        // "kubectl get deployments -A"
        assertThat(deniedBy("echo a3ViZWN0bCBnZXQgZGVwbG95bWVudHMgLUE= | base64 -d | sh")).isEqualTo("none");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "kubectl get deployments",
            "kubectl get deploy checkout -o yaml",
            "kubectl logs deploy/checkout",
            "kubectl describe deployment checkout",
            "kubectl rollout undo deployment/checkout",
            "kubectl rollout restart deploy/checkout",
            "kubectl scale deploy checkout --replicas=3",
            "kubectl delete pod checkout-123",
            "kubectl delete pods -l app=checkout",
            "kubectl delete pods --all",
            "kubectl get ns",
            "kubectl get pvc -A",
            "kubectl get crd",
            "aws s3 rm s3://b/one-file",
            "aws s3 ls s3://bucket --recursive",
            "terraform plan",
            "terraform apply -auto-approve",
            "terraform plan -destroy",
            "helm uninstall checkout",
            "echo kubectl",
            "git checkout main",
            "kubectl",
    })
    void readOnlyCommandsDoNotMatch(String command) {
        assertThat(deniedBy(command)).isEqualTo("none");
    }

    @Test
    void wordsMustFollowTheProgramInOrder() {
        assertThat(deniedBy("deploy delete kubectl")).isEqualTo("none");
        assertThat(deniedBy("kubectl deploy delete checkout")).isEqualTo("none");
    }

    @Test
    void programMustBeAWholeWord() {
        assertThat(deniedBy("mykubectl delete deploy checkout")).isEqualTo("none");
        assertThat(deniedBy("kubectl-1 delete deploy checkout")).isEqualTo("none");
    }

    @Test
    void firstMatchingRuleInListOrderWins() {
        CommandRule broad = Policies.shell("kubectl-delete-anything", "kubectl delete");
        CommandRule narrow = Policies.shell("kubectl-delete-deployment", "kubectl delete deploy");

        assertThat(CommandScanner.compile(List.of(broad, narrow)).firstMatch("kubectl delete deploy x"))
                .contains(broad);
        assertThat(CommandScanner.compile(List.of(narrow, broad)).firstMatch("kubectl delete deploy x"))
                .contains(narrow);
    }

    @Test
    void resourceAliasesInPatternsAreCanonicalisedToo() {
        CommandScanner scanner = CommandScanner.compile(List.of(Policies.shell("delete-deploy", "kubectl delete deploy")));

        assertThat(scanner.firstMatch("kubectl delete deployments.apps/checkout")).isPresent();
    }

    @Test
    void singleTokenTextIsNeverACommand() {
        CommandScanner scanner = CommandScanner.compile(List.of(Policies.sql("sql-truncate", "TRUNCATE")));

        assertThat(scanner.firstMatch("TRUNCATE")).isEmpty();
        assertThat(scanner.firstMatch("TRUNCATE orders")).isPresent();
    }

    @Test
    void scannerGivesTheSameAnswersFromManyThreads() throws Exception {
        List<String> commands = List.of("kubectl delete deploy x", "kubectl get pods", "DROP/**/TABLE t",
                "aws s3 rm s3://b --recursive", "echo a3ViZWN0bCBkZWxldGUgZGVwbG95IHg= | base64 -d | sh");
        List<String> expected = commands.stream().map(Policies::deniedBy).toList();

        try (var executor = Executors.newFixedThreadPool(4)) {
            var results = executor.invokeAll(IntStream.range(0, 64)
                    .<Callable<List<String>>>mapToObj(i -> () -> commands.stream().map(Policies::deniedBy).toList())
                    .toList());
            for (var result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        }
        assertThat(expected).containsExactly("kubectl-delete-deployment", "none", "sql-drop-table",
                "aws-s3-recursive-rm", "kubectl-delete-deployment");
    }

    @Test
    void emptyPolicyMatchesNothing() {
        assertThat(CommandScanner.compile(List.of()).firstMatch("kubectl delete deploy checkout")).isEmpty();
    }
}
