package dev.ringside.policy.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

    @Test
    void foldedAsciiIsReturnedAsIs() {
        String name = "checkout-7d9f8b";

        assertThat(TextNormalizer.normalize(name)).isSameAs(name);
    }

    @Test
    void asciiIsLowercasedAndTabsBecomeSpaces() {
        assertThat(TextNormalizer.normalize("Kubectl\tGET\r\nPods")).isEqualTo("kubectl get\n\npods");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            \u0430\u0435\u043E\u0440\u0441\u0443\u0445\u043A\u0456\u0458\u0455\u0501\u04BB\u04CF\u051B\u051D | aeopcyxkijsdhlqw
            \u0410\u0412\u0415\u041A\u041C\u041D\u041E\u0420\u0421\u0422\u0425                               | abekmhopctx
            \u03BF\u03B1\u03B5\u03B9\u03BA\u03BD\u03C1\u03C4\u03C5\u03C7                                     | oaeikvptux
            \u0391\u0392\u0395\u0396\u0397\u0399\u039A\u039C\u039D\u039F\u03A1\u03A4\u03A5\u03A7               | abezhikmnoptyx
            """)
    void cyrillicAndGreekLookalikesBecomeLatin(String lookalikes, String latin) {
        assertThat(TextNormalizer.normalize(lookalikes)).isEqualTo(latin);
    }

    @Test
    void lettersThatOnlyResembleNothingStayAsTheyAre() {
        // Cyrillic д and Greek λ imitate no Latin letter; other scripts are lowercased, not erased.
        assertThat(TextNormalizer.normalize("\u0414\u039B")).isEqualTo("\u0434\u03BB");
    }

    @Test
    void fullwidthAndMathematicalLettersBecomeAscii() {
        assertThat(TextNormalizer.normalize("\uFF2B\uFF35\uFF22\uFF25")).isEqualTo("kube");
        assertThat(TextNormalizer.normalize("\uD835\uDC0A\uD835\uDC14\uD835\uDC01\uD835\uDC04")).isEqualTo("kube");
    }

    @Test
    void invisibleCharactersAreRemoved() {
        String invisible = "\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E"
                + "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\uFEFF\u00AD\u180E\u034F\uFE0F";

        assertThat(TextNormalizer.normalize("a" + invisible + "b")).isEqualTo("ab");
    }

    @Test
    void anyFormatControlIsRemoved() {
        // U+061C ARABIC LETTER MARK and U+E0041 TAG LATIN CAPITAL LETTER A are format controls.
        assertThat(TextNormalizer.normalize("a\u061Cb\uDB40\uDC41c")).isEqualTo("abc");
    }

    @Test
    void unicodeDashesBecomeHyphenMinus() {
        assertThat(TextNormalizer.normalize("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D"))
                .isEqualTo("----------");
    }

    @Test
    void typographicQuotesBecomeAsciiQuotes() {
        assertThat(TextNormalizer.normalize("\u2018a\u2019 \u201Cb\u201D \u201Ec\u201F \u00ABd\u00BB"))
                .isEqualTo("'a' \"b\" \"c\" \"d\"");
    }

    @Test
    void unicodeSpacesBecomeSpacesAndLineBreaksStayLineBreaks() {
        assertThat(TextNormalizer.normalize("a\u00A0b\u2003c\u3000d\u1680e\u2028f\u2029g\u0085h"))
                .isEqualTo("a b c d e\nf\ng\nh");
    }

    @Test
    void decorativeCombiningMarksOnAsciiAreDropped() {
        assertThat(TextNormalizer.normalize("k\u0336u\u0335b\u20DDe")).isEqualTo("kube");
    }

    @Test
    void composedAccentedLettersSurvive() {
        // NFKC composes e + U+0301 into é, which is a letter of its own, not decoration.
        assertThat(TextNormalizer.normalize("Cafe\u0301")).isEqualTo("caf\u00E9");
    }

    @Test
    void normalizingTwiceChangesNothing() {
        String once = TextNormalizer.normalize("K\u0423B\u0415CTL \u2014force \u201Cx\u201D \uFF21");

        assertThat(TextNormalizer.normalize(once)).isEqualTo(once);
    }
}
