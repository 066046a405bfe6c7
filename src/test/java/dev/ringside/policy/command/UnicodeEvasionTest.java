package dev.ringside.policy.command;

import static dev.ringside.policy.command.Policies.deniedBy;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Commands disguised with Unicode still match; escapes name the characters, which look alike. */
class UnicodeEvasionTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "kub\u0435ctl delete deploy checkout",       // Cyrillic е
            "\u043Aub\u0435\u0441tl d\u0435l\u0435t\u0435 d\u0435pl\u043Ey checkout", // Cyrillic к е с о
            "KUB\u0415CTL DELETE DEPLOY checkout",       // Cyrillic capital Е
            "\u041AUBECTL delete deploy checkout",       // Cyrillic capital К
            "kubectl delete \u0501eploy checkout",       // Cyrillic komi ԁ
            "kubectl de\u04CFete deploy checkout",       // Cyrillic palochka ӏ
    })
    void homoglyphKubectlStillMatches(String command) {
        assertThat(deniedBy(command)).isEqualTo("kubectl-delete-deployment");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "kubectl delete depl\u03BFy checkout",       // Greek ο
            "\u03BAubectl delete deploy checkout",       // Greek κ
            "KUB\u0395CTL DELETE DEPLOY checkout",       // Greek capital Ε
            "kubec\u03C4l delete deploy checkout",       // Greek τ
    })
    void greekHomoglyphsStillMatch(String command) {
        assertThat(deniedBy(command)).isEqualTo("kubectl-delete-deployment");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\uFF4B\uFF55\uFF42\uFF45\uFF43\uFF54\uFF4C delete deploy checkout",   // fullwidth ｋｕｂｅｃｔｌ
            "\uD835\uDC24\uD835\uDC2E\uD835\uDC1B\uD835\uDC1E\uD835\uDC1C\uD835\uDC2D\uD835\uDC25 delete deploy checkout", // bold 𝐤𝐮𝐛𝐞𝐜𝐭𝐥
            "kubectl\u3000delete\u00A0deploy\u2003checkout", // ideographic, no-break and em spaces
    })
    void fullwidthAndMathematicalLettersStillMatch(String command) {
        assertThat(deniedBy(command)).isEqualTo("kubectl-delete-deployment");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ku\u200Bbectl delete deploy checkout",      // zero-width space
            "kub\u200Dectl del\u200Cete deploy checkout", // zero-width joiner and non-joiner
            "kubectl\u2060 delete deploy checkout",      // word joiner
            "\uFEFFkubectl delete deploy checkout",      // byte order mark
            "kube\u00ADctl delete deploy checkout",      // soft hyphen
            "kube\u202Ectl delete deploy checkout",      // right-to-left override
            "kube\u2066ctl del\u2069ete deploy checkout", // left-to-right isolate, pop isolate
            "kube\u200Fctl delete deploy checkout",      // right-to-left mark
            "kube\u180Ectl delete deploy checkout",      // Mongolian vowel separator
            "kube\u034Fctl delete deploy checkout",      // combining grapheme joiner
            "k\u0336ubectl delete deploy checkout",      // combining long stroke overlay
    })
    void zeroWidthAndBidiCharactersAreIgnored(String command) {
        assertThat(deniedBy(command)).isEqualTo("kubectl-delete-deployment");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "aws s3 rm s3://bucket \u2010\u2010recursive", // hyphen
            "aws s3 rm s3://bucket \u2212\u2212recursive", // minus sign
            "aws s3 rm s3://bucket \u2014recursive",       // em dash, as autocorrect writes --
            "aws s3 rm s3://bucket \u2013\u2013recursive", // en dash
            "aws s3 rm s3://bucket \uFF0D\uFF0Drecursive", // fullwidth hyphen-minus
            "aws s3 rm s3://bucket \uFE63\uFE63recursive", // small hyphen-minus
    })
    void unicodeDashesInFlagsStillMatch(String command) {
        assertThat(deniedBy(command)).isEqualTo("aws-s3-recursive-rm");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "sh -c \u201Ckubectl delete deploy checkout\u201D",    // curly double quotes
            "k\u2018u\u2019bectl delete deploy checkout",          // curly single quotes
            "kubectl delete deploy checkout\u2028",                // line separator
    })
    void typographicQuotesAndSeparatorsAreSeenThrough(String command) {
        assertThat(deniedBy(command)).isEqualTo("kubectl-delete-deployment");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "kubectl get pods\u2028delete deploy checkout",        // line separator ends the command
            "kubectl get d\u0435ployments",                        // homoglyphs do not turn get into delete
    })
    void unicodeDoesNotJoinOrInventCommands(String command) {
        assertThat(deniedBy(command)).isEqualTo("none");
    }
}
