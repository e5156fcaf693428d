package dev.dingus.auth.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.auth.AbstractAuthIT;
import dev.dingus.auth.Http;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Register, login, me, refresh with rotation and reuse detection, logout: the documented session lifecycle. */
class AuthFlowIT extends AbstractAuthIT {

    @Test
    void registerAnswersTheUserBothTokensAndTheRefreshCookie() {
        Http http = http();
        Map<String, Object> user = newUser("Ada Lovelace");
        Http.Response response = http.post("/api/v1/auth/register", user, null);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode auth = response.json();
        assertThat(auth.get("user").get("username").asString()).isEqualTo(user.get("username"));
        assertThat(auth.get("user").get("email").asString()).isEqualTo(user.get("email"));
        assertThat(auth.get("user").get("displayName").asString()).isEqualTo("Ada Lovelace");
        assertThat(auth.get("user").get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(auth.get("token").asString()).isEqualTo(auth.get("accessToken").asString());
        assertThat(auth.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(auth.get("expiresIn").asLong()).isEqualTo(900);
        assertThat(auth.get("refreshToken").asString()).matches("[A-Za-z0-9_-]{43}");
        assertThat(auth.get("refreshExpiresIn").asLong()).isBetween(30L * 86400 - 5, 30L * 86400);
        assertThat(response.header("Location")).contains("/api/v1/users/" + auth.get("user").get("id").asString());

        String cookie = response.setCookie("dingus_refresh").orElseThrow();
        assertThat(cookie).startsWith("dingus_refresh=" + auth.get("refreshToken").asString() + ";")
                .contains("HttpOnly").contains("SameSite=Strict").contains("Path=/api/v1/auth").contains("Max-Age=")
                .doesNotContain("Secure");
    }

    @Test
    void theAccessTokenIsAnRs256JwtWithTheDocumentedClaimsAndAPublishedKid() {
        Http http = http();
        JsonNode auth = register(http);
        String token = accessToken(auth);

        JsonNode header = jwtPart(token, 0);
        JsonNode claims = jwtPart(token, 1);
        assertThat(header.get("alg").asString()).isEqualTo("RS256");
        assertThat(claims.get("sub").asString()).isEqualTo(userId(auth).toString());
        assertThat(claims.get("username").asString()).isEqualTo(auth.get("user").get("username").asString());
        assertThat(claims.get("sid").asString()).matches("[0-9a-f-]{36}");
        assertThat(claims.get("iss").asString()).isEqualTo("dingus");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(auth.get("expiresIn").asLong());

        Http.Response jwks = http.get("/.well-known/jwks.json", null);
        assertThat(jwks.status()).isEqualTo(200);
        JsonNode key = null;
        for (JsonNode k : jwks.json().get("keys")) {
            if (k.get("kid").asString().equals(header.get("kid").asString())) {
                key = k;
            }
        }
        assertThat(key).as("JWKS publishes the token's kid").isNotNull();
        assertThat(key.get("kty").asString()).isEqualTo("RSA");
        for (String secret : List.of("d", "p", "q", "dp", "dq", "qi")) {
            assertThat(key.has(secret)).as("private part " + secret).isFalse();
        }
    }

    @Test
    void loginWorksByEmailByUsernameAndWithTheAliasFieldsEachOpeningASessionOfItsOwn() {
        Http http = http();
        Map<String, Object> user = newUser("Grace");
        JsonNode registered = register(http, user);
        String password = (String) user.get("password");
        String username = (String) user.get("username");
        String email = (String) user.get("email");

        List<Map<String, Object>> logins = List.of(
                Map.of("login", email, "password", password),
                Map.of("login", username.toUpperCase(), "password", password),
                Map.of("username", username, "password", password),
                Map.of("email", email.toUpperCase(), "password", password));
        Set<String> sessions = new HashSet<>();
        sessions.add(jwtPart(accessToken(registered), 1).get("sid").asString());
        for (Map<String, Object> login : logins) {
            Http.Response response = http.post("/api/v1/auth/login", login, null);
            assertThat(response.status()).as(login.keySet() + ": " + response).isEqualTo(200);
            assertThat(userId(response.json())).isEqualTo(userId(registered));
            assertThat(response.json().get("user").get("email").asString()).isEqualTo(email);
            assertThat(response.setCookie("dingus_refresh")).isPresent();
            sessions.add(jwtPart(accessToken(response.json()), 1).get("sid").asString());
        }
        assertThat(sessions).hasSize(5);
    }

    @Test
    void anUnknownUserAndAWrongPasswordGetTheSameAnswer() {
        Http http = http();
        Map<String, Object> user = newUser("Alan");
        register(http, user);

        Http.Response wrongPassword = http.post("/api/v1/auth/login",
                Map.of("login", user.get("username"), "password", "not the password"), null);
        Http.Response unknownUser = http.post("/api/v1/auth/login",
                Map.of("login", "nobody_" + user.get("username"), "password", "not the password"), null);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(wrongPassword.code()).isEqualTo("invalid_credentials");
        assertThat(unknownUser.code()).isEqualTo("invalid_credentials");
        assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownUser.json().get("detail"));
        assertThat(wrongPassword.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void theWholeSessionLifecycleFromRegisterToLogout() {
        Http http = http();
        Map<String, Object> user = newUser("Lifecycle");
        register(http, user);

        // login by email and by username
        JsonNode byEmail = http.post("/api/v1/auth/login", Map.of("login", user.get("email"), "password", user.get("password")), null).json();
        JsonNode byUsername = http.post("/api/v1/auth/login", Map.of("login", user.get("username"), "password", user.get("password")), null).json();
        assertThat(userId(byEmail)).isEqualTo(userId(byUsername));

        // me
        Http.Response me = http.get("/api/v1/auth/me", accessToken(byEmail));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo(user.get("email"));

        // refresh: new refresh token, same session
        Http.Response refreshed = http.post("/api/v1/auth/refresh", Map.of("refreshToken", byEmail.get("refreshToken").asString()), null);
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        JsonNode rotated = refreshed.json();
        assertThat(rotated.get("refreshToken").asString()).isNotEqualTo(byEmail.get("refreshToken").asString());
        assertThat(jwtPart(accessToken(rotated), 1).get("sid")).isEqualTo(jwtPart(accessToken(byEmail), 1).get("sid"));
        assertThat(rotated.get("user").get("email").asString()).isEqualTo(user.get("email"));
        assertThat(http.get("/api/v1/auth/me", accessToken(rotated)).status()).isEqualTo(200);

        // the old refresh token is refused, and its reuse ends the whole session
        Http.Response reused = http.post("/api/v1/auth/refresh", Map.of("refreshToken", byEmail.get("refreshToken").asString()), null);
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.code()).isEqualTo("refresh_token_reused");
        Http.Response afterReuse = http.get("/api/v1/auth/me", accessToken(rotated));
        assertThat(afterReuse.status()).isEqualTo(401);
        assertThat(afterReuse.code()).isEqualTo("session_revoked");
        Http.Response rotatedRefresh = http.post("/api/v1/auth/refresh", Map.of("refreshToken", rotated.get("refreshToken").asString()), null);
        assertThat(rotatedRefresh.status()).isEqualTo(401);
        assertThat(rotatedRefresh.code()).isEqualTo("refresh_token_invalid");

        // the other session is untouched; logging it out ends it
        assertThat(http.get("/api/v1/auth/me", accessToken(byUsername)).status()).isEqualTo(200);
        Http.Response logout = http.post("/api/v1/auth/logout", null, accessToken(byUsername));
        assertThat(logout.status()).as(logout.toString()).isEqualTo(204);
        assertThat(logout.setCookie("dingus_refresh")).hasValueSatisfying(c -> assertThat(c).contains("Max-Age=0"));
        Http.Response afterLogout = http.get("/api/v1/auth/me", accessToken(byUsername));
        assertThat(afterLogout.status()).isEqualTo(401);
        assertThat(afterLogout.code()).isEqualTo("session_revoked");
        assertThat(http.post("/api/v1/auth/refresh", Map.of("refreshToken", byUsername.get("refreshToken").asString()), null).code())
                .isEqualTo("refresh_token_invalid");
    }

    @Test
    void refreshWorksFromTheCookieAloneAndRotatesTheCookie() {
        Http http = http();
        JsonNode auth = register(http);
        String refreshToken = auth.get("refreshToken").asString();

        Http.Response response = http.send("POST", "/api/v1/auth/refresh", null, null, Map.of("Cookie", "dingus_refresh=" + refreshToken));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        String next = response.json().get("refreshToken").asString();
        assertThat(next).isNotEqualTo(refreshToken);
        assertThat(response.setCookie("dingus_refresh")).hasValueSatisfying(c -> assertThat(c).startsWith("dingus_refresh=" + next + ";"));
    }

    @Test
    void logoutEndsOnlyThatSession() {
        Http http = http();
        Map<String, Object> user = newUser("Two devices");
        JsonNode laptop = register(http, user);
        JsonNode phone = http.post("/api/v1/auth/login", Map.of("login", user.get("username"), "password", user.get("password")), null).json();

        assertThat(http.post("/api/v1/auth/logout", null, accessToken(phone)).status()).isEqualTo(204);

        assertThat(http.get("/api/v1/auth/me", accessToken(phone)).code()).isEqualTo("session_revoked");
        assertThat(http.get("/api/v1/auth/me", accessToken(laptop)).status()).isEqualTo(200);
        assertThat(http.post("/api/v1/auth/refresh", Map.of("refreshToken", laptop.get("refreshToken").asString()), null).status())
                .isEqualTo(200);
    }

    @Test
    void refreshWithoutAValidTokenIsRefused() {
        Http http = http();
        Http.Response none = http.send("POST", "/api/v1/auth/refresh", null, null, Map.of());
        Http.Response empty = http.post("/api/v1/auth/refresh", Map.of(), null);
        Http.Response unknown = http.post("/api/v1/auth/refresh", Map.of("refreshToken", "A".repeat(43)), null);
        Http.Response huge = http.post("/api/v1/auth/refresh", Map.of("refreshToken", "A".repeat(5000)), null);

        for (Http.Response response : List.of(none, empty, unknown, huge)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(401);
            assertThat(response.code()).isEqualTo("refresh_token_invalid");
        }
    }

    @Test
    void aStaleAccessTokenDoesNotBreakThePublicEndpoints() {
        Http http = http();
        Map<String, Object> user = newUser("Stale");
        JsonNode auth = register(http, user);
        http.post("/api/v1/auth/logout", null, accessToken(auth));

        Http.Response login = http.post("/api/v1/auth/login", Map.of("login", user.get("username"), "password", user.get("password")),
                accessToken(auth));
        assertThat(login.status()).isEqualTo(200);
    }
}
