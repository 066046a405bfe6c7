package dev.ringside.testing;

import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.MockServerExpectation;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A stand-in for a real cluster's API server: fabric8's mock server in CRUD mode, over TLS with its
 * own self-signed certificate (a kubeconfig trusts it through {@code certificate-authority}), on
 * loopback. Scripted answers cover what CRUD mode lacks (it refuses TokenRequest with a 422), and
 * every request is recorded with its headers, so a test can tell which server and which
 * credentials a call used.
 */
public final class MockApiServer implements AutoCloseable {
    private static final Logger REQUEST_LOG = Logger.getLogger("io.fabric8.mockwebserver.MockWebServer");

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final List<RecordedRequest> seen = new ArrayList<>();

    private MockApiServer(KubernetesMockServer server) {
        this.server = server;
        this.client = server.createClient();
    }

    public static MockApiServer start() {
        REQUEST_LOG.setLevel(Level.WARNING);
        Map<ServerRequest, Queue<ServerResponse>> scripted = new HashMap<>();
        KubernetesMockServer server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(), scripted,
                new KubernetesMixedDispatcher(scripted), true);
        server.start(InetAddress.getLoopbackAddress(), 0);
        return new MockApiServer(server);
    }

    /** The server as a kubeconfig names it: {@code https://localhost:PORT}. */
    public String url() {
        return "https://localhost:" + server.getPort();
    }

    /** The PEM certificate the server presents (self-signed, for {@code localhost}). */
    public Path certificateAuthority() {
        return Path.of(server.getSelfSignedCertificate().certificatePath());
    }

    /** A client with full access, for seeding and reading back. */
    public KubernetesClient client() {
        return client;
    }

    public MockServerExpectation expect() {
        return server.expect();
    }

    /** TokenRequest for {@code namespace/serviceAccount} answers {@code token}, valid for ten minutes, every time. */
    public void issuesTokens(String namespace, String serviceAccount, String token) {
        expect().post().withPath("/api/v1/namespaces/" + namespace + "/serviceaccounts/" + serviceAccount + "/token")
                .andReturn(201, new TokenRequestBuilder().withNewStatus().withToken(token)
                        .withExpirationTimestamp(Instant.now().plusSeconds(600).toString()).endStatus().build())
                .always();
    }

    /** Every request the server has received so far, oldest first. */
    public synchronized List<RecordedRequest> requests() throws InterruptedException {
        for (RecordedRequest next = server.takeRequest(10, TimeUnit.MILLISECONDS); next != null;
             next = server.takeRequest(10, TimeUnit.MILLISECONDS)) {
            seen.add(next);
        }
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
