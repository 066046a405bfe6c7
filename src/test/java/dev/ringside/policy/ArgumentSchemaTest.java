package dev.ringside.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ArgumentSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ArgumentSchema scale() throws PolicyException {
        return PolicyLoader.loadDefault().action("scale_deployment").orElseThrow().schema();
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void conformingArgumentsPass() throws Exception {
        assertThat(scale().violation(json("{\"namespace\":\"shop\",\"name\":\"checkout\",\"replicas\":3}"))).isEmpty();
    }

    @Test
    void missingRequiredArgumentIsNamed() throws Exception {
        assertThat(scale().violation(json("{\"namespace\":\"shop\",\"name\":\"checkout\"}")))
                .contains("args.replicas: is required");
    }

    @Test
    void wrongTypeOutOfRangeAndExtraArgumentsFail() throws Exception {
        assertThat(scale().violation(json("{\"namespace\":\"shop\",\"name\":\"checkout\",\"replicas\":\"3\"}")))
                .hasValueSatisfying(v -> assertThat(v).contains("expected integer"));
        assertThat(scale().violation(json("{\"namespace\":\"shop\",\"name\":\"checkout\",\"replicas\":1000}")))
                .hasValueSatisfying(v -> assertThat(v).contains("at most 100"));
        assertThat(scale().violation(json("{\"namespace\":\"shop\",\"name\":\"checkout\",\"replicas\":1,\"force\":true}")))
                .contains("args.force: is not an argument of this tool");
    }

    @Test
    void namesMustBeKubernetesNames() throws Exception {
        assertThat(scale().violation(json("{\"namespace\":\"shop; rm -rf /\",\"name\":\"checkout\",\"replicas\":1}")))
                .hasValueSatisfying(v -> assertThat(v).startsWith("args.namespace: does not match"));
    }

    @Test
    void nestedMapValuesAreChecked() throws Exception {
        ArgumentSchema labels = PolicyLoader.loadDefault().action("add_labels").orElseThrow().schema();
        String ok = "{\"namespace\":\"shop\",\"kind\":\"Deployment\",\"name\":\"web\",\"labels\":{\"team\":\"payments\"}}";
        assertThat(labels.violation(json(ok))).isEmpty();
        assertThat(labels.violation(json(ok.replace("payments", "has spaces"))))
                .hasValueSatisfying(v -> assertThat(v).startsWith("args.labels.team"));
        assertThat(labels.violation(json(ok.replace("Deployment", "ClusterRoleBinding"))))
                .hasValueSatisfying(v -> assertThat(v).contains("must be one of"));
    }
}
