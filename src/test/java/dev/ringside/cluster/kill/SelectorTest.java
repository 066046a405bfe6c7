package dev.ringside.cluster.kill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectorTest {

    @Test
    void equalityAndSetRequirementsAllHaveToHold() {
        Selector selector = Selector.parse("ringside.dev/agent=true, tier in (ops, sre), stage!=test, owner, !legacy");

        assertThat(selector.matches(Map.of("ringside.dev/agent", "true", "tier", "sre", "owner", "x"))).isTrue();
        assertThat(selector.matches(Map.of("ringside.dev/agent", "true", "tier", "web", "owner", "x"))).isFalse();
        assertThat(selector.matches(Map.of("ringside.dev/agent", "true", "tier", "ops", "owner", "x", "stage", "test"))).isFalse();
        assertThat(selector.matches(Map.of("ringside.dev/agent", "true", "tier", "ops"))).as("owner must exist").isFalse();
        assertThat(selector.matches(Map.of("ringside.dev/agent", "true", "tier", "ops", "owner", "x", "legacy", "1"))).isFalse();
        assertThat(selector.matches(null)).isFalse();
    }

    @Test
    void becomesTheApiLabelSelectorANetworkPolicyCarries() {
        var labelSelector = Selector.parse("ringside.dev/agent==true,tier notin (web)").labelSelector();

        assertThat(labelSelector.getMatchLabels()).containsExactly(Map.entry("ringside.dev/agent", "true"));
        assertThat(labelSelector.getMatchExpressions()).singleElement().satisfies(e -> {
            assertThat(e.getKey()).isEqualTo("tier");
            assertThat(e.getOperator()).isEqualTo("NotIn");
            assertThat(e.getValues()).containsExactly("web");
        });
    }

    @Test
    void aWorkloadWithoutPodSelectorOwnsNoPodAKillWouldTouch() {
        assertThat(Selector.of(null).isEmpty()).isTrue();
        assertThat(Selector.parse("a=b").isEmpty()).isFalse();
    }

    @Test
    void somethingThatIsNotASelectorIsRefusedNamingThePart() {
        assertThatThrownBy(() -> Selector.parse("app=x, =y")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'' in the agent selector");
        assertThatThrownBy(() -> Selector.parse("app in x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'app in x'");
    }
}
