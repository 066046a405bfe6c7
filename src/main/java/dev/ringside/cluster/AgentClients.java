package dev.ringside.cluster;

import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Gives each agent its own cluster identity: a client that carries only the server URL, the
 * server's trust settings and a short-lived ServiceAccount token from the TokenRequest API, renewed
 * in the background at 80% of its lifetime while the agent is armed. Nothing of the engineer's
 * kubeconfig (client certificate, username and password, auth provider, exec plugin, contexts)
 * reaches an agent's client; {@link #revoke} closes it.
 *
 * <p>The sandbox API server does not implement TokenRequest and authenticates nobody. For it alone
 * ({@link #forSandbox}) an agent gets a locally generated opaque token instead: the agent still
 * has its own client and no engineer credentials, but the token limits nothing, and
 * {@link #credentialsEnforced()} says so. Against a real cluster ({@link #forCluster}) a missing
 * TokenRequest API is an error, never a silent fallback.
 */
public final class AgentClients implements AutoCloseable {
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(10);
    /** Renew when this share of the token's lifetime has passed. */
    static final double RENEW_AT = 0.8;
    private static final int REQUEST_TIMEOUT_MILLIS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KubernetesClient admin;
    private final Duration lifetime;
    private final boolean sandbox;
    private final ScheduledExecutorService renewals =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("agent-token-renewal").factory());
    private final Map<String, Armed> armed = new ConcurrentHashMap<>();
    private volatile boolean locallyIssued;

    /** A token and when it stops being valid. */
    public record IssuedToken(String token, Instant expiresAt, boolean fromTokenRequest) {
        @Override
        public String toString() {
            return "IssuedToken[expiresAt=" + expiresAt + ", fromTokenRequest=" + fromTokenRequest + "]";
        }
    }

    private record Armed(String namespace, String serviceAccount, KubernetesClient client, AtomicReference<IssuedToken> token,
                         AtomicReference<ScheduledFuture<?>> renewal) {
    }

    private AgentClients(KubernetesClient admin, Duration lifetime, boolean sandbox) {
        this.admin = admin;
        this.lifetime = lifetime;
        this.sandbox = sandbox;
    }

    /** For a real cluster: tokens come from the TokenRequest API or not at all. */
    public static AgentClients forCluster(KubernetesClient admin, Duration lifetime) {
        return new AgentClients(admin, lifetime, false);
    }

    /** For the sandbox: TokenRequest if the server has it, otherwise a local opaque token (not enforced). */
    public static AgentClients forSandbox(KubernetesClient admin) {
        return new AgentClients(admin, DEFAULT_LIFETIME, true);
    }

    /**
     * True only when every token came from the cluster's TokenRequest API of a real cluster, so the
     * API server authenticates agents and RBAC limits them. False for the sandbox, always.
     */
    public boolean credentialsEnforced() {
        return !sandbox && !locallyIssued;
    }

    /**
     * Issues a token for the agent's ServiceAccount and returns a client that uses only it;
     * renewal runs until {@link #revoke} or {@link #stopRenewal}.
     *
     * @throws IllegalStateException when no token can be issued (the agent must then not run)
     */
    public KubernetesClient arm(String agent, String namespace, String serviceAccount) {
        revoke(agent);
        AtomicReference<IssuedToken> token = new AtomicReference<>(issue(namespace, serviceAccount));
        KubernetesClient client = new KubernetesClientBuilder().withConfig(agentConfig(token)).build();
        Armed entry = new Armed(namespace, serviceAccount, client, token, new AtomicReference<>());
        armed.put(agent, entry);
        scheduleRenewal(agent, entry);
        return client;
    }

    /** The current token of an armed agent (for tests and the cockpit's credential view). */
    public IssuedToken token(String agent) {
        Armed entry = armed.get(agent);
        if (entry == null) throw new IllegalArgumentException("agent " + agent + " is not armed");
        return entry.token().get();
    }

    /** Takes the agent's power away locally: no more renewal, and its client is closed. */
    public void revoke(String agent) {
        Armed entry = armed.remove(agent);
        if (entry == null) return;
        ScheduledFuture<?> renewal = entry.renewal().get();
        if (renewal != null) renewal.cancel(false);
        entry.client().close();
    }

    /** Stops renewing every agent's token; tokens then lapse at their expiry. */
    public void stopRenewal() {
        armed.values().forEach(entry -> {
            ScheduledFuture<?> renewal = entry.renewal().get();
            if (renewal != null) renewal.cancel(false);
        });
    }

    @Override
    public void close() {
        armed.keySet().forEach(this::revoke);
        renewals.shutdownNow();
    }

    private Config agentConfig(AtomicReference<IssuedToken> token) {
        Config engineer = admin.getConfiguration();
        // Built from an empty config, not copied, so nothing of the engineer's identity can ride along.
        return new ConfigBuilder(Config.empty())
                .withMasterUrl(engineer.getMasterUrl())
                .withCaCertData(engineer.getCaCertData())
                .withCaCertFile(engineer.getCaCertFile())
                .withTrustCerts(engineer.isTrustCerts())
                .withDisableHostnameVerification(engineer.isDisableHostnameVerification())
                .withTlsVersions(engineer.getTlsVersions())
                .withHttp2Disable(engineer.isHttp2Disable())
                .withRequestTimeout(REQUEST_TIMEOUT_MILLIS)
                .withOauthTokenProvider(() -> token.get().token())
                .build();
    }

    private void scheduleRenewal(String agent, Armed entry) {
        Duration remaining = Duration.between(Instant.now(), entry.token().get().expiresAt());
        long delayMillis = Math.max(1_000, (long) (remaining.toMillis() * RENEW_AT));
        entry.renewal().set(renewals.schedule(() -> renew(agent, entry), delayMillis, TimeUnit.MILLISECONDS));
    }

    private void renew(String agent, Armed entry) {
        if (armed.get(agent) != entry) return;
        try {
            entry.token().set(issue(entry.namespace(), entry.serviceAccount()));
        } catch (RuntimeException e) {
            // Keep the current token until it lapses; try again at 80% of what is left.
        }
        if (armed.get(agent) == entry) scheduleRenewal(agent, entry);
    }

    private IssuedToken issue(String namespace, String serviceAccount) {
        TokenRequest request = new TokenRequestBuilder().withNewSpec().withExpirationSeconds(lifetime.toSeconds()).endSpec().build();
        try {
            TokenRequest issued = admin.serviceAccounts().inNamespace(namespace).withName(serviceAccount).tokenRequest(request);
            if (issued != null && issued.getStatus() != null && issued.getStatus().getToken() != null) {
                Instant expiry = issued.getStatus().getExpirationTimestamp() == null ? Instant.now().plus(lifetime)
                        : Instant.parse(issued.getStatus().getExpirationTimestamp());
                return new IssuedToken(issued.getStatus().getToken(), expiry, true);
            }
            return fallback(namespace, serviceAccount, "the TokenRequest answer carried no token");
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404 || e.getCode() == 405) {
                return fallback(namespace, serviceAccount, "the API server does not implement TokenRequest");
            }
            throw new IllegalStateException("cannot issue a token for serviceaccount " + namespace + "/" + serviceAccount
                    + ": " + e.getMessage(), e);
        }
    }

    private IssuedToken fallback(String namespace, String serviceAccount, String why) {
        if (!sandbox) {
            throw new IllegalStateException("cannot issue a token for serviceaccount " + namespace + "/" + serviceAccount
                    + ": " + why + "; agents will not run with the engineer's credentials");
        }
        locallyIssued = true;
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new IssuedToken("sandbox." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
                Instant.now().plus(lifetime), false);
    }
}
