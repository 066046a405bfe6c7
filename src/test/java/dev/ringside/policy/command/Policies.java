package dev.ringside.policy.command;

import java.util.List;

/** The never_allow rules the tests scan against, shaped like the default policy's. */
final class Policies {

    static final CommandRule DELETE_DEPLOYMENTS = shell("kubectl-delete-deployment", "kubectl delete deployments");
    static final CommandRule DELETE_NAMESPACES = shell("kubectl-delete-namespace", "kubectl delete namespaces");
    static final CommandRule DELETE_PVCS = shell("kubectl-delete-pvc", "kubectl delete pvc");
    static final CommandRule DELETE_CRDS = shell("kubectl-delete-crd", "kubectl delete crd");
    static final CommandRule DELETE_ALL = shell("kubectl-delete-all", "kubectl delete all");
    static final CommandRule TERRAFORM_DESTROY = shell("terraform-destroy", "terraform destroy");
    static final CommandRule TERRAFORM_APPLY_DESTROY = shell("terraform-apply-destroy", "terraform apply -destroy");
    static final CommandRule S3_RECURSIVE_RM = shell("aws-s3-recursive-rm", "aws s3 rm --recursive");
    static final CommandRule DROP_TABLE = sql("sql-drop-table", "DROP TABLE");
    static final CommandRule DROP_DATABASE = sql("sql-drop-database", "DROP DATABASE");
    static final CommandRule DROP_SCHEMA = sql("sql-drop-schema", "DROP SCHEMA");
    static final CommandRule TRUNCATE = sql("sql-truncate", "TRUNCATE");

    static final List<CommandRule> NEVER_ALLOW = List.of(
            DELETE_DEPLOYMENTS, DELETE_NAMESPACES, DELETE_PVCS, DELETE_CRDS, DELETE_ALL,
            TERRAFORM_DESTROY, TERRAFORM_APPLY_DESTROY, S3_RECURSIVE_RM,
            DROP_TABLE, DROP_DATABASE, DROP_SCHEMA, TRUNCATE);

    static final CommandScanner SCANNER = CommandScanner.compile(NEVER_ALLOW);

    private Policies() {
    }

    static CommandRule shell(String name, String pattern) {
        return new CommandRule(name, Dialect.SHELL, pattern);
    }

    static CommandRule sql(String name, String pattern) {
        return new CommandRule(name, Dialect.SQL, pattern);
    }

    /** Name of the rule the default-shaped policy denies {@code text} by, or "none". */
    static String deniedBy(String text) {
        return SCANNER.firstMatch(text).map(CommandRule::name).orElse("none");
    }
}
