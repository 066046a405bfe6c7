package dev.ringside.policy.command;

import static dev.ringside.policy.command.Policies.deniedBy;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlCommandMatchingTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "DROP TABLE users",
            "drop table users;",
            "DrOp  TaBlE users",
            "drop\n\ttable users",
            "SELECT 1; DROP TABLE users; --",
            "psql -c \"DROP TABLE users\"",
            "DROP TABLE IF EXISTS \"users\"",
            "DROP TABLE`users`",
    })
    void keywordsMatchWhateverTheCaseAndSpacing(String statement) {
        assertThat(deniedBy(statement)).isEqualTo("sql-drop-table");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "DROP/**/TABLE users",
            "DROP/* harmless */TABLE users",
            "DROP /* a /* b */ TABLE users",
            "DROP /* outer /* inner */ still comment */ TABLE users",
            "DROP -- x\nTABLE users",
            "DROP--\nTABLE users",
            "DROP # x\nTABLE users",
            "/*!50000DROP TABLE users*/",
            "/*!DROP*/ /*!TABLE*/ users",
            "SELECT 1--1; DROP/* c */TABLE users",
            "SELECT '/*'; DROP TABLE users; -- */",
    })
    void sqlCommentsBetweenKeywordsDoNotHide(String statement) {
        assertThat(deniedBy(statement)).isEqualTo("sql-drop-table");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "DR\u041EP TABLE users",                        // Cyrillic capital О
            "DROP T\u0391BLE users",                        // Greek capital Α
            "DR\u200BOP TA\u200DBLE users",                 // zero-width space and joiner
            "\uFF24\uFF32\uFF2F\uFF30 \uFF34\uFF21\uFF22\uFF2C\uFF25 users", // fullwidth
            "DR\u00ADOP\u00A0TABLE users",                  // soft hyphen, no-break space
            "DROP\u2028TABLE users",                        // line separator
    })
    void homoglyphAndInvisibleVariantsOfKeywordsMatch(String statement) {
        assertThat(deniedBy(statement)).isEqualTo("sql-drop-table");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "DROP DATABASE shop",
            "drop database if exists shop",
    })
    void dropDatabaseMatches(String statement) {
        assertThat(deniedBy(statement)).isEqualTo("sql-drop-database");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "TRUNCATE orders",
            "truncate table orders",
            "BEGIN; TRUNCATE orders; COMMIT;",
    })
    void truncateMatchesAsAWord(String statement) {
        assertThat(deniedBy(statement)).isEqualTo("sql-truncate");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT * FROM dropped_tables",
            "SELECT truncated FROM orders",
            "SELECT drop_table FROM audit",
            "DROP INDEX orders_idx",
            "SELECT 'drop' AS verb, 'table' AS noun",
            "DROP VIEW v; SELECT * FROM table_stats",
            "-- DROP TABLE users\nSELECT 1",
            "SELECT 1 /* DROP TABLE users */",
            "drop-table",
            "truncate",
    })
    void sqlThatDoesNotDropOrTruncateDoesNotMatch(String statement) {
        assertThat(deniedBy(statement)).isEqualTo("none");
    }

    @Test
    void base64WrappedStatementMatches() {
        // "DROP TABLE users"
        assertThat(deniedBy("echo RFJPUCBUQUJMRSB1c2Vycw== | base64 -d | psql")).isEqualTo("sql-drop-table");
    }
}
