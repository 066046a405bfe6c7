package dev.ringside.cluster;

import static dev.ringside.cluster.sandbox.SandboxNames.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringside.cluster.sandbox.SandboxCluster;
import dev.ringside.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AgentClientsTest {
    private static SandboxCluster sandbox;

    @BeforeAll
    static void start() {
        sandbox = SandboxCluster.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void agentClientCarriesOnlyTheServerTrustAndItsOwnToken() {
        Config engineer = sandbox.adminClient().getConfiguration();
        assertThat(engineer.getUsername()).as("the engineer side has an identity to leak").isNotNull();
        try (AgentClients agents = AgentClients.forSandbox(sandbox.adminClient())) {
            Config config = agents.arm(CRASHLOOP_AGENT, AGENTS, CRASHLOOP_AGENT).getConfiguration();
            assertThat(config.getMasterUrl()).isEqualTo(engineer.getMasterUrl());
            assertThat(config.isTrustCerts()).isEqualTo(engineer.isTrustCerts());
            assertThat(config.getClientCertData()).isNull();
            assertThat(config.getClientCertFile()).isNull();
            assertThat(config.getClientKeyData()).isNull();
            assertThat(config.getClientKeyFile()).isNull();
            assertThat(config.getUsername()).isNull();
            assertThat(config.getPassword()).isNull();
            assertThat(config.getAuthProvider()).isNull();
            assertThat(config.getOauthToken()).isNull();
            assertThat(config.getFile()).as("no kubeconfig, so no exec plugin").isNull();
            assertThat(config.getContexts()).isEmpty();
            assertThat(config.getImpersonateUsername()).isNull();
            assertThat(config.getOauthTokenProvider().getToken()).isEqualTo(agents.token(CRASHLOOP_AGENT).token())
                    .isNotEqualTo(engineer.getOauthToken());
        }
    }

    @Test
    void eachAgentGetsItsOwnToken() {
        try (AgentClients agents = AgentClients.forSandbox(sandbox.adminClient())) {
            agents.arm(CRASHLOOP_AGENT, AGENTS, CRASHLOOP_AGENT);
            agents.arm(OOM_AGENT, AGENTS, OOM_AGENT);
            assertThat(agents.token(CRASHLOOP_AGENT).token()).isNotEqualTo(agents.token(OOM_AGENT).token());
        }
    }

    @Test
    void sandboxHasNoTokenRequestSoItsTokensAreLocalAndNotEnforced() {
        try (AgentClients agents = AgentClients.forSandbox(sandbox.adminClient())) {
            agents.arm(OOM_AGENT, AGENTS, OOM_AGENT);
            AgentClients.IssuedToken token = agents.token(OOM_AGENT);
            assertThat(token.fromTokenRequest()).isFalse();
            assertThat(token.token()).startsWith("sandbox.");
            assertThat(token.expiresAt()).isAfter(java.time.Instant.now());
            assertThat(agents.credentialsEnforced()).isFalse();
        }
    }

    @Test
    void outsideTheSandboxAMissingTokenRequestApiIsRefusedNotFakedOrBorrowed() {
        try (AgentClients agents = AgentClients.forCluster(sandbox.adminClient(), Duration.ofMinutes(10))) {
            assertThatThrownBy(() -> agents.arm(OOM_AGENT, AGENTS, OOM_AGENT)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("does not implement TokenRequest")
                    .hasMessageContaining("will not run with the engineer's credentials");
        }
    }

    @Test
    void agentClientReachesTheCluster() {
        try (AgentClients agents = AgentClients.forSandbox(sandbox.adminClient())) {
            KubernetesClient client = agents.arm(COMPLIANCE_AGENT, AGENTS, COMPLIANCE_AGENT);
            assertThat(client.pods().inNamespace(SHOP).withName(OOM_CART_POD).get()).isNotNull();
        }
    }

    @Test
    void onAClusterTheTokenComesFromTokenRequestAndIsRenewedBeforeItLapses() throws Exception {
        try (MockApiServer cluster = MockApiServer.start()) {
            cluster.client().resource(new ServiceAccountBuilder().withNewMetadata().withNamespace(AGENTS).withName(OOM_AGENT)
                    .endMetadata().build()).create();
            String path = "/api/v1/namespaces/" + AGENTS + "/serviceaccounts/" + OOM_AGENT + "/token";
            cluster.expect().post().withPath(path).andReturn(201, new TokenRequestBuilder().withNewStatus().withToken("first-token")
                    .withExpirationTimestamp(Instant.now().plusSeconds(2).toString()).endStatus().build()).once();
            cluster.expect().post().withPath(path).andReturn(201, new TokenRequestBuilder().withNewStatus().withToken("renewed-token")
                    .withExpirationTimestamp(Instant.now().plusSeconds(600).toString()).endStatus().build()).always();
            try (AgentClients agents = AgentClients.forCluster(cluster.client(), Duration.ofMinutes(10))) {
                KubernetesClient client = agents.arm(OOM_AGENT, AGENTS, OOM_AGENT);
                assertThat(agents.token(OOM_AGENT).token()).isEqualTo("first-token");
                assertThat(agents.token(OOM_AGENT).fromTokenRequest()).isTrue();
                assertThat(agents.credentialsEnforced()).isTrue();
                assertThat(cluster.requests()).filteredOn(r -> r.getPath().equals(path)).singleElement()
                        .satisfies(r -> assertThat(r.getUtf8Body()).contains("\"expirationSeconds\":600"));

                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!agents.token(OOM_AGENT).token().equals("renewed-token") && System.nanoTime() < deadline) Thread.sleep(50);
                assertThat(agents.token(OOM_AGENT).token()).as("renewed at 80% of its two seconds").isEqualTo("renewed-token");
                client.pods().inNamespace(SHOP).list();
                assertThat(cluster.requests()).filteredOn(r -> r.getPath().startsWith("/api/v1/namespaces/" + SHOP + "/pods"))
                        .extracting(r -> r.getHeader("Authorization")).containsExactly("Bearer renewed-token");
            }
        }
    }

    @Test
    void revokeClosesTheAgentsClient() {
        try (AgentClients agents = AgentClients.forSandbox(sandbox.adminClient())) {
            KubernetesClient client = agents.arm(CRASHLOOP_AGENT, AGENTS, CRASHLOOP_AGENT);
            agents.revoke(CRASHLOOP_AGENT);
            assertThatThrownBy(() -> client.pods().inNamespace(SHOP).list()).isInstanceOf(RuntimeException.class);
            assertThatThrownBy(() -> agents.token(CRASHLOOP_AGENT)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
