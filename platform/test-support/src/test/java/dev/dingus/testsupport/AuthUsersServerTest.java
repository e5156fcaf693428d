package dev.dingus.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stand-in answers as auth-service's internal users endpoint does, over real HTTP. */
class AuthUsersServerTest {
    private final String credential = "secret-" + TestInfrastructure.uniqueId();
    private final AuthUsersServer auth = AuthUsersServer.start(credential);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        auth.close();
    }

    @Test
    void knownUsersAreFoundWithTheServiceCredential() throws Exception {
        UUID id = UUID.randomUUID();
        auth.add(id, "alice");
        HttpResponse<String> found = lookup(id.toString(), credential);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("\"id\":\"" + id + "\"", "\"username\":\"alice\"");
        assertThat(lookup(UUID.randomUUID().toString(), credential).statusCode()).isEqualTo(404);
        assertThat(lookup("not-a-uuid", credential).statusCode()).isEqualTo(404);
        assertThat(auth.lookups()).isEqualTo(3);
    }

    @Test
    void withoutTheCredentialTheAnswerIs401() throws Exception {
        UUID id = UUID.randomUUID();
        auth.add(id, "bob");
        assertThat(lookup(id.toString(), null).statusCode()).isEqualTo(401);
        assertThat(lookup(id.toString(), "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void failWithMakesEveryLookupFailUntilReset() throws Exception {
        UUID id = UUID.randomUUID();
        auth.add(id, "carol");
        auth.failWith(503);
        HttpResponse<String> failed = lookup(id.toString(), credential);
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.body()).contains("internal_error");
        auth.failWith(0);
        assertThat(lookup(id.toString(), credential).statusCode()).isEqualTo(200);
    }

    @Test
    void registerPointsTheServiceAtTheStandIn() {
        Map<String, Supplier<Object>> properties = new HashMap<>();
        auth.register(properties::put, "dingus.example.auth-url");
        assertThat(properties.get("dingus.example.auth-url").get()).isEqualTo(auth.url());
        assertThat(properties.get("dingus.security.service-token").get()).isEqualTo(credential);
    }

    private HttpResponse<String> lookup(String id, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(auth.url() + "/internal/users/" + id));
        if (token != null) {
            request.header("X-Dingus-Service-Token", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
