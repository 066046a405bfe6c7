package dev.ringside.cluster.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's own wiring around fabric8's CRUD dispatcher. The watch deadlock it guards against
 * is a race (about one watch close in a thousand hit it in a stress loop), so this checks the
 * guard is in place for every watch; {@link GuardedWatchListenerTest} checks what the guard does.
 */
class SandboxDispatcherTest {
    private final SandboxDispatcher dispatcher = new SandboxDispatcher(new PodLogs());

    @AfterEach
    void stop() {
        dispatcher.shutdown();
    }

    private MockResponse get(String path) {
        return dispatcher.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.GET, path, Headers.builder().build(), new Buffer()));
    }

    @Test
    void everyWatchClosesOffTheServersEventLoop() {
        assertThat(get("/api/v1/namespaces/shop/pods?watch=true").getWebSocketListener()).isInstanceOf(GuardedWatchListener.class);
        assertThat(get("/api/v1/namespaces/shop/pods?fieldSelector=metadata.name%3Dcheckout&resourceVersion=9&watch=true")
                .getWebSocketListener()).isInstanceOf(GuardedWatchListener.class);
    }

    @Test
    void plainRequestsAreAnsweredAsBefore() {
        MockResponse list = get("/api/v1/namespaces/shop/pods");
        assertThat(list.getWebSocketListener()).isNull();
        assertThat(list.code()).isEqualTo(200);
        assertThat(get("/api/v1/namespaces/shop/pods/nope/log").code()).isEqualTo(404);
    }
}
