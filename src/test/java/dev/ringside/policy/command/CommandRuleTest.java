package dev.ringside.policy.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandRuleTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            SHELL | ''                              | pattern is empty
            SHELL | '   '                           | pattern is empty
            SHELL | kubectl                         | names only the program 'kubectl'
            SHELL | --force kubectl delete          | starts with the flag '--force'
            SHELL | kubectl delete deploy; rm -rf / | contains ';'
            SHELL | kubectl delete 'deploy'         | contains '''
            SHELL | kubectl delete $(x)             | contains '$'
            SHELL | kubectl delete deploy,svc       | contains ','
            SHELL | aws s3 rm --recursive=true      | flags are matched by name only, so write '--recursive'
            SHELL | kubectl delete --                | '--', which is not a flag
            SHELL | / delete                        | names no program
            SQL   | ''                              | pattern is empty
            SQL   | DROP TABLE;                     | 'table;', which is not a SQL word
            SQL   | DROP/**/TABLE                   | which is not a SQL word
            """)
    void badPatternIsRejectedWithReason(Dialect dialect, String pattern, String reason) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CommandRule("bad-rule", dialect, pattern))
                .withMessageStartingWith("never_allow rule 'bad-rule': ")
                .withMessageContaining(reason);
    }

    @Test
    void missingPartsAreRejectedWithReason() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CommandRule(" ", Dialect.SHELL, "kubectl delete ns"))
                .withMessageContaining("has no name");
        assertThatIllegalArgumentException().isThrownBy(() -> new CommandRule("r", null, "kubectl delete ns"))
                .withMessageContaining("'r' has no dialect");
        assertThatIllegalArgumentException().isThrownBy(() -> new CommandRule("r", Dialect.SQL, null))
                .withMessageContaining("'r' has no pattern");
    }

    @Test
    void validPatternsKeepTheirTextAsWritten() {
        CommandRule rule = new CommandRule("aws-s3-recursive-rm", Dialect.SHELL, "aws s3 rm --recursive");

        assertThat(rule.pattern()).isEqualTo("aws s3 rm --recursive");
        assertThat(CommandScanner.compile(List.of(rule)).firstMatch("aws s3 rm --recursive s3://b")).contains(rule);
    }

    @Test
    void flagOnlyPatternIsAccepted() {
        CommandRule rule = new CommandRule("rm-recursive-force", Dialect.SHELL, "rm -r -f");

        assertThat(CommandScanner.compile(List.of(rule)).firstMatch("rm -fr /data")).contains(rule);
        assertThat(CommandScanner.compile(List.of(rule)).firstMatch("rm -r /data")).isEmpty();
    }
}
