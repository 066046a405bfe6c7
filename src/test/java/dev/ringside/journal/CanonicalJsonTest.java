package dev.ringside.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalJsonTest {

    @Test
    void sortsKeysAtEveryDepthAndDropsWhitespace() {
        String json = """
                { "b": 1, "a": { "z": [3, {"y": true, "x": null}], "m": "s" } }
                """;
        assertThat(CanonicalJson.canonical(json)).isEqualTo("{\"a\":{\"m\":\"s\",\"z\":[3,{\"x\":null,\"y\":true}]},\"b\":1}");
    }

    @Test
    void keepsArrayOrder() {
        assertThat(CanonicalJson.canonical("[3, 1, 2]")).isEqualTo("[3,1,2]");
    }

    @Test
    void sameValueSpelledDifferentlyHasTheSameDigest() {
        String a = "{\"namespace\":\"shop\",\"replicas\":3,\"labels\":{\"b\":\"2\",\"a\":\"1\"}}";
        String b = "{ \"labels\": {\"a\": \"1\", \"b\": \"2\"}, \"replicas\": 3.0, \"namespace\": \"sh\\u006fp\" }";
        assertThat(CanonicalJson.sha256Hex(CanonicalJson.parse(a))).isEqualTo(CanonicalJson.sha256Hex(CanonicalJson.parse(b)));
        assertThat(CanonicalJson.sha256Hex(CanonicalJson.parse(a)))
                .isNotEqualTo(CanonicalJson.sha256Hex(CanonicalJson.parse(a.replace("3", "4"))));
    }

    @Test
    void writesNonAsciiAsRawUtf8AndEscapesOnlyWhatJsonRequires() {
        String json = "{\"s\":\"caf\\u00e9 🚒 \\\"q\\\" back\\\\slash /\\n\\t\\u0001\\u007f\"}";
        assertThat(CanonicalJson.canonical(json)).isEqualTo("{\"s\":\"café 🚒 \\\"q\\\" back\\\\slash /\\n\\t\\u0001\u007f\"}");
    }

    @Test
    void sortsKeysByUtf16CodeUnitsAsJcsRequires() {
        // U+1F692 is a surrogate pair (D83D DE92), which sorts before U+FF21 in UTF-16 order.
        String json = "{\"\uff21\":1,\"🚒\":2,\"é\":3,\"z\":4,\"Z\":5}";
        assertThat(CanonicalJson.canonical(json)).isEqualTo("{\"Z\":5,\"z\":4,\"é\":3,\"🚒\":2,\"\uff21\":1}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0 | 0",
            "-0.0 | 0",
            "1.0 | 1",
            "4.50 | 4.5",
            "2e-3 | 0.002",
            "0.000001 | 0.000001",
            "1e-7 | 1e-7",
            "1.5e-7 | 1.5e-7",
            "333333333.33333329 | 333333333.3333333",
            "1e21 | 1e+21",
            "1e30 | 1e+30",
            "123456789012345678000 | 123456789012345678000",
            "-12.5 | -12.5",
            "0.000000000000000000000000001 | 1e-27",
            "123456789012345678901234567890 | 123456789012345678901234567890",
    })
    void spellsNumbersTheWayJcsDoes(String input, String expected) {
        assertThat(CanonicalJson.canonical("[" + input + "]")).isEqualTo("[" + expected + "]");
    }

    @Test
    void refusesDuplicateKeysBecauseTheyMeanDifferentThingsToDifferentReaders() {
        assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":1,\"a\":2}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Duplicate field 'a'");
    }

    @Test
    void escapesLoneSurrogatesSoEveryStringHasOneSpelling() {
        StringBuilder out = new StringBuilder();
        CanonicalJson.appendString("a\ud800b", out);
        assertThat(out).hasToString("\"a\\ud800b\"");
        assertThat(CanonicalJson.parse(out.toString()).textValue()).isEqualTo("a\ud800b");
    }

    @Test
    void sha256IsTheStandardDigest() {
        assertThat(java.util.HexFormat.of().formatHex(CanonicalJson.sha256("abc".getBytes())))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
