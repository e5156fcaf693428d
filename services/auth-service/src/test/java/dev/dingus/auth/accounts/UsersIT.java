package dev.dingus.auth.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.auth.AbstractAuthIT;
import dev.dingus.auth.Http;
import dev.dingus.contracts.security.ServiceAuth;
import dev.dingus.testsupport.EventCapture;
import dev.dingus.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Profile, password, lookup, search and the internal endpoints. */
class UsersIT extends AbstractAuthIT {

    @Autowired
    ConnectionFactory rabbit;

    @Test
    void theOwnerChangesTheProfileAndEveryoneHearsOfIt() {
        Http http = http();
        JsonNode auth = register(http);
        UUID id = userId(auth);
        try (EventCapture events = EventCapture.start(rabbit, slice.exchange(), "user.#")) {
            Http.Response updated = http.patch("/api/v1/users/me", Map.of("displayName", "  New Name ",
                    "avatarUrl", "https://img.example.com/a.png", "statusText", "At lunch"), accessToken(auth));

            assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
            assertThat(updated.json().get("displayName").asString()).isEqualTo("New Name");
            assertThat(updated.json().get("avatarUrl").asString()).isEqualTo("https://img.example.com/a.png");
            assertThat(updated.json().get("statusText").asString()).isEqualTo("At lunch");
            assertThat(updated.json().get("email").asString()).isEqualTo(auth.get("user").get("email").asString());

            List<String> bodies = events.await("user.updated", b -> b.stream().anyMatch(e -> e.contains(id.toString())),
                    Duration.ofSeconds(20));
            JsonNode event = Http.JSON.readTree(bodies.stream().filter(e -> e.contains(id.toString())).findFirst().orElseThrow());
            assertThat(event.get("type").asString()).isEqualTo("user.updated");
            assertThat(event.get("producer").asString()).isEqualTo("auth-service");
            assertThat(event.get("data").get("displayName").asString()).isEqualTo("New Name");
            assertThat(event.get("data").get("statusText").asString()).isEqualTo("At lunch");
        }

        // Left out: unchanged; "": cleared.
        Http.Response cleared = http.patch("/api/v1/users/me", Map.of("statusText", ""), accessToken(auth));
        assertThat(cleared.json().get("statusText").isNull()).isTrue();
        assertThat(cleared.json().get("displayName").asString()).isEqualTo("New Name");
        assertThat(http.get("/api/v1/users/me", accessToken(auth)).json().get("avatarUrl").asString())
                .isEqualTo("https://img.example.com/a.png");
    }

    @Test
    void profileFieldsAreValidated() {
        Http http = http();
        String token = accessToken(register(http));
        for (Map<String, Object> bad : List.of(Map.<String, Object>of("avatarUrl", "javascript:alert(1)"),
                Map.<String, Object>of("avatarUrl", "ftp://example.com/a.png"),
                Map.<String, Object>of("avatarUrl", "https://example.com/" + "a".repeat(500)),
                Map.<String, Object>of("displayName", "d".repeat(65)),
                Map.<String, Object>of("statusText", "s".repeat(141)))) {
            Http.Response response = http.patch("/api/v1/users/me", bad, token);
            assertThat(response.status()).as(bad + ": " + response).isEqualTo(400);
            assertThat(response.code()).isEqualTo("validation_failed");
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(bad.keySet().iterator().next());
        }
        assertThat(http.patch("/api/v1/users/me", Map.of("statusText", "s".repeat(140)), token).status()).isEqualTo(200);
    }

    /** PostgreSQL cannot store a NUL: it must be refused as bad input, not fail the update with a 500. */
    @Test
    void controlCharactersInProfileFieldsAreRefusedNamingTheField() {
        Http http = http();
        String token = accessToken(register(http));
        for (String field : List.of("avatarUrl", "displayName", "statusText")) {
            String prefix = field.equals("avatarUrl") ? "https://x/" : "";
            for (String value : List.of(prefix + "a\u0000b", prefix + "a\u0007b", prefix + "a\u001bb", prefix + "ab\u007f")) {
                // Serialised by Jackson, so the JSON carries the escape "\u0000" as a client's would.
                Http.Response response = http.patch("/api/v1/users/me", Map.of(field, value), token);
                assertThat(response.status()).as(field + " " + value + ": " + response).isEqualTo(400);
                assertThat(response.code()).isEqualTo("validation_failed");
                JsonNode error = response.json().get("errors").get(0);
                assertThat(error.get("field").asString()).isEqualTo(field);
                assertThat(error.get("message").asString()).contains("control characters");
            }
        }
        assertThat(http.patch("/api/v1/users/me", Map.of("avatarUrl", "https://x/a%00b"), token).status())
                .as("an encoded NUL is plain text").isEqualTo(200);
    }

    @Test
    void changingThePasswordEndsEveryOtherSession() {
        Http http = http();
        Map<String, Object> user = newUser("Careful");
        JsonNode current = register(http, user);
        JsonNode lostPhone = http.post("/api/v1/auth/login", Map.of("login", user.get("username"), "password", user.get("password")), null).json();

        Http.Response wrong = http.post("/api/v1/users/me/password",
                Map.of("currentPassword", "not it at all", "newPassword", "a brand new secret"), accessToken(current));
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.code()).isEqualTo("invalid_credentials");
        Http.Response tooShort = http.post("/api/v1/users/me/password",
                Map.of("currentPassword", user.get("password"), "newPassword", "short"), accessToken(current));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.code()).isEqualTo("validation_failed");

        Http.Response changed = http.post("/api/v1/users/me/password",
                Map.of("currentPassword", user.get("password"), "newPassword", "a brand new secret"), accessToken(current));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);

        assertThat(http.get("/api/v1/auth/me", accessToken(current)).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/auth/me", accessToken(lostPhone)).code()).isEqualTo("session_revoked");
        assertThat(http.post("/api/v1/auth/refresh", Map.of("refreshToken", lostPhone.get("refreshToken").asString()), null).code())
                .isEqualTo("refresh_token_invalid");
        assertThat(http.post("/api/v1/auth/login", Map.of("login", user.get("username"), "password", user.get("password")), null).status())
                .isEqualTo(401);
        assertThat(http.post("/api/v1/auth/login", Map.of("login", user.get("username"), "password", "a brand new secret"), null).status())
                .isEqualTo(200);
    }

    @Test
    void usersAreFoundByPrefixOfUsernameOrDisplayName() {
        Http http = http();
        String tag = TestInfrastructure.uniqueId().substring(0, 8);
        Map<String, Object> alice = new HashMap<>(newUser("Zora " + tag));
        alice.put("username", "srch" + tag + "_alice");
        Map<String, Object> bob = new HashMap<>(newUser("Bob"));
        bob.put("username", "srch" + tag + "_bob");
        String token = accessToken(register(http, alice));
        register(http, bob);

        Http.Response byUsername = http.get("/api/v1/users?q=SRCH" + tag, token);
        assertThat(byUsername.status()).isEqualTo(200);
        assertThat(usernames(byUsername)).containsExactly("srch" + tag + "_alice", "srch" + tag + "_bob");
        assertThat(byUsername.json().get("items").get(0).has("email")).as("search shows public fields only").isFalse();

        assertThat(usernames(http.get("/api/v1/users?q=zora%20" + tag, token))).containsExactly("srch" + tag + "_alice");
        assertThat(usernames(http.get("/api/v1/users?q=srch" + tag + "&limit=1", token))).hasSize(1);
        // LIKE wildcards are literal characters, not "match everything".
        assertThat(usernames(http.get("/api/v1/users?q=%25", token))).isEmpty();
        assertThat(usernames(http.get("/api/v1/users?q=_", token))).isEmpty();

        for (String bad : List.of("/api/v1/users", "/api/v1/users?q=", "/api/v1/users?q=a&limit=51", "/api/v1/users?q=a&limit=0",
                "/api/v1/users?q=a&limit=many", "/api/v1/users?q=" + "a".repeat(65), "/api/v1/users?q=a%00b")) {
            Http.Response response = http.get(bad, token);
            assertThat(response.status()).as(bad + ": " + response).isEqualTo(400);
            assertThat(response.code()).isEqualTo("validation_failed");
        }
        assertThat(http.get("/api/v1/users?q=srch", null).status()).as("search needs a token").isEqualTo(401);
    }

    @Test
    void aUserByIdShowsPublicFieldsAndTheEmailOnlyToItsOwner() {
        Http http = http();
        JsonNode me = register(http);
        JsonNode other = register(http);

        Http.Response theirs = http.get("/api/v1/users/" + userId(other), accessToken(me));
        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.json().get("username").asString()).isEqualTo(other.get("user").get("username").asString());
        assertThat(theirs.json().has("email")).isFalse();
        assertThat(http.get("/api/v1/users/" + userId(me), accessToken(me)).json().get("email").asString())
                .isEqualTo(me.get("user").get("email").asString());

        Http.Response unknown = http.get("/api/v1/users/" + UUID.randomUUID(), accessToken(me));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("user_not_found");
        Http.Response malformed = http.get("/api/v1/users/not-a-uuid", accessToken(me));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("validation_failed");
    }

    @Test
    void usersComeInBatchesOfAtMostAHundred() {
        Http http = http();
        JsonNode me = register(http);
        JsonNode a = register(http);
        JsonNode b = register(http);
        String ids = userId(a) + "," + userId(b) + "," + UUID.randomUUID() + "," + userId(a);

        Http.Response batch = http.get("/api/v1/users/batch?ids=" + ids, accessToken(me));
        assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
        List<String> found = new ArrayList<>();
        batch.json().get("items").forEach(u -> found.add(u.get("id").asString()));
        assertThat(found).containsExactlyInAnyOrder(userId(a).toString(), userId(b).toString());

        String hundredAndOne = IntStream.range(0, 101).mapToObj(i -> UUID.randomUUID().toString()).collect(Collectors.joining(","));
        String hundred = IntStream.range(0, 100).mapToObj(i -> UUID.randomUUID().toString()).collect(Collectors.joining(","));
        assertThat(http.get("/api/v1/users/batch?ids=" + hundred, accessToken(me)).status()).isEqualTo(200);
        for (String bad : List.of("/api/v1/users/batch?ids=" + hundredAndOne, "/api/v1/users/batch?ids=nope",
                "/api/v1/users/batch", "/api/v1/users/batch?ids=")) {
            Http.Response response = http.get(bad, accessToken(me));
            assertThat(response.status()).as(bad.substring(0, Math.min(60, bad.length())) + ": " + response).isEqualTo(400);
            assertThat(response.code()).isEqualTo("validation_failed");
        }
    }

    @Test
    void internalLookupsNeedTheServiceCredential() {
        Http http = http();
        JsonNode user = register(http);
        String username = user.get("user").get("username").asString();
        Map<String, String> credential = Map.of(ServiceAuth.HEADER, "dev-service-token-change-me");

        Http.Response byId = http.send("GET", "/internal/users/" + userId(user), null, null, credential);
        assertThat(byId.status()).as(byId.toString()).isEqualTo(200);
        assertThat(byId.json().get("username").asString()).isEqualTo(username);
        assertThat(byId.json().has("email")).isFalse();
        Http.Response byName = http.send("GET", "/internal/users/by-username/" + username.toUpperCase(), null, null, credential);
        assertThat(byName.status()).isEqualTo(200);
        assertThat(byName.json().get("id").asString()).isEqualTo(userId(user).toString());
        assertThat(http.send("GET", "/internal/users/by-username/nobody-" + username, null, null, credential).code())
                .isEqualTo("user_not_found");

        assertThat(http.get("/internal/users/" + userId(user), null).status()).isEqualTo(401);
        assertThat(http.get("/internal/users/" + userId(user), accessToken(user)).status()).as("a user token is not enough").isEqualTo(401);
        assertThat(http.send("GET", "/internal/users/" + userId(user), null, null, Map.of(ServiceAuth.HEADER, "wrong")).status())
                .isEqualTo(401);

        // Spring MVC decodes the path before matching it: an encoded letter is the same internal endpoint.
        for (String path : List.of("/%69nternal/users/" + userId(user), "/internal/us%65rs/" + userId(user),
                "/intern%61l/users/by-username/" + username)) {
            Http.Response anonymous = http.get(path, null);
            assertThat(anonymous.status()).as(path + " " + anonymous).isEqualTo(401);
            assertThat(anonymous.code()).isEqualTo("unauthorized");
            assertThat(http.get(path, accessToken(user)).status()).as(path + " with a user token").isEqualTo(401);
            assertThat(http.send("GET", path, null, null, credential).status()).as(path + " with the credential").isEqualTo(200);
        }
    }

    private static List<String> usernames(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        response.json().get("items").forEach(u -> names.add(u.get("username").asString()));
        return names;
    }
}
