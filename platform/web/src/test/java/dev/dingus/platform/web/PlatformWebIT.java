package dev.dingus.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.platform.web.security.RevokedSessions;
import dev.dingus.testsupport.TestInfrastructure;
import dev.dingus.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=web-test",
        "dingus.security.public-paths=/api/v1/open",
        "dingus.web.max-body-bytes=1024",
        "dingus.cors.allowed-origins=http://allowed.example" })
class PlatformWebIT {
    static final TestTokens tokens = TestTokens.start();
    static final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired RevokedSessions revokedSessions;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "web");
        tokens.register(registry);
    }

    @AfterAll
    static void stop() {
        tokens.close();
    }

    @Test
    void validTokenGivesTheCallerFromTheTokenOnly() throws Exception {
        UUID id = UUID.randomUUID();
        var response = send(get("/api/v1/me").header("Authorization", "Bearer " + tokens.tokenFor(id, "ada")));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("id").asString()).isEqualTo(id.toString());
        assertThat(body.get("username").asString()).isEqualTo("ada");
    }

    @Test
    void theApiDocumentDoesNotAskClientsForTheCaller() throws Exception {
        var response = send(get("/v3/api-docs"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = json.readTree(response.body());
        JsonNode me = doc.get("paths").get("/api/v1/me").get("get");
        assertThat(me).isNotNull();
        assertThat(me.has("parameters")).as("parameters of GET /api/v1/me: %s", me.get("parameters")).isFalse();
    }

    @Test
    void missingTokenIsUnauthorizedProblem() throws Exception {
        assertProblem(send(get("/api/v1/me")), 401, "unauthorized");
    }

    @Test
    void expiredTokenIsTokenExpired() throws Exception {
        var response = send(get("/api/v1/me").header("Authorization", "Bearer " + tokens.expiredTokenFor(UUID.randomUUID(), "bo")));
        assertProblem(response, 401, "token_expired");
    }

    @Test
    void tamperedAndOtherKeyAndGarbageTokensAreInvalid() throws Exception {
        String good = tokens.tokenFor(UUID.randomUUID(), "cy");
        String[] parts = good.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        assertProblem(send(get("/api/v1/me").header("Authorization", "Bearer " + tampered)), 401, "token_invalid");
        assertProblem(send(get("/api/v1/me").header("Authorization", "Bearer " + tokens.otherKeyTokenFor(UUID.randomUUID(), "cy"))),
                401, "token_invalid");
        assertProblem(send(get("/api/v1/me").header("Authorization", "Bearer not.a.jwt")), 401, "token_invalid");
        String none = "eyJhbGciOiJub25lIn0." + parts[1] + ".";
        assertProblem(send(get("/api/v1/me").header("Authorization", "Bearer " + none)), 401, "token_invalid");
    }

    @Test
    void revokedSessionIsRefused() throws Exception {
        String sid = UUID.randomUUID().toString();
        String token = tokens.tokenFor(UUID.randomUUID(), "di", sid);
        assertThat(send(get("/api/v1/me").header("Authorization", "Bearer " + token)).statusCode()).isEqualTo(200);
        revokedSessions.revoke(sid);
        assertProblem(send(get("/api/v1/me").header("Authorization", "Bearer " + token)), 401, "session_revoked");
    }

    @Test
    void publicPathNeedsNoTokenAndIgnoresAStaleOne() throws Exception {
        assertThat(send(get("/api/v1/open")).statusCode()).isEqualTo(200);
        assertThat(send(get("/api/v1/open").header("Authorization", "Bearer stale")).statusCode()).isEqualTo(200);
    }

    @Test
    void validationErrorsNameTheFields() throws Exception {
        var response = send(post("/api/v1/echo", "{\"name\":\"\",\"count\":1}"));
        JsonNode body = assertProblem(response, 400, "validation_failed");
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("name");
    }

    @Test
    void malformedJsonAndWrongTypesAreMalformedJson() throws Exception {
        assertProblem(send(post("/api/v1/echo", "{\"name\":")), 400, "malformed_json");
        assertProblem(send(post("/api/v1/echo", "{\"name\":\"x\",\"count\":\"many\"}")), 400, "malformed_json");
        assertProblem(send(post("/api/v1/echo", "")), 400, "malformed_json");
    }

    @Test
    void oversizedBodyIsPayloadTooLarge() throws Exception {
        String big = "{\"name\":\"" + "x".repeat(2000) + "\",\"count\":1}";
        assertProblem(send(post("/api/v1/echo", big)), 413, "payload_too_large");
    }

    @Test
    void unknownRouteAndWrongMethodAndMediaType() throws Exception {
        String token = "Bearer " + tokens.tokenFor(UUID.randomUUID(), "ed");
        assertProblem(send(get("/api/v1/nowhere").header("Authorization", token)), 404, "not_found");
        assertProblem(send(HttpRequest.newBuilder(uri("/api/v1/echo")).header("Authorization", token)
                .DELETE()), 405, "method_not_allowed");
        assertProblem(send(HttpRequest.newBuilder(uri("/api/v1/echo")).header("Authorization", token)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hi"))), 415,
                "unsupported_media_type");
    }

    @Test
    void apiExceptionsKeepTheirStatusAndCode() throws Exception {
        String token = "Bearer " + tokens.tokenFor(UUID.randomUUID(), "fa");
        assertProblem(send(get("/api/v1/fail/conflict").header("Authorization", token)), 409, "thing_taken");
        var limited = send(get("/api/v1/fail/limited").header("Authorization", token));
        assertProblem(limited, 429, "rate_limited");
        assertThat(limited.headers().firstValue("Retry-After")).contains("3");
    }

    @Test
    void unexpectedFailuresHideTheirDetails() throws Exception {
        var response = send(get("/api/v1/fail/boom").header("Authorization", "Bearer " + tokens.tokenFor(UUID.randomUUID(), "gu")));
        JsonNode body = assertProblem(response, 500, "internal_error");
        assertThat(response.body()).doesNotContain("secret internals");
        assertThat(body.get("requestId").asString()).isNotBlank();
    }

    /** A safety net under the services' input validation: text PostgreSQL cannot store is the client's error. */
    @Test
    void textPostgresqlCannotStoreIsBadInputNotA500() throws Exception {
        String token = "Bearer " + tokens.tokenFor(UUID.randomUUID(), "gv");
        for (String kind : List.of("nul", "untranslatable")) {
            var response = send(get("/api/v1/store/" + kind).header("Authorization", token));
            JsonNode body = assertProblem(response, 400, "validation_failed");
            assertThat(body.get("detail").asString()).as(kind).contains("cannot be stored");
            assertThat(response.body()).as(kind).doesNotContain("UTF8").doesNotContain("LATIN1");
        }
        assertProblem(send(get("/api/v1/store/bad-sql").header("Authorization", token)), 500, "internal_error");
    }

    @Test
    void requestIdIsKeptWhenSaneAndReplacedWhenNot() throws Exception {
        var kept = send(get("/api/v1/open").header("X-Request-Id", "abc-123"));
        assertThat(kept.headers().firstValue("X-Request-Id")).contains("abc-123");
        var replaced = send(get("/api/v1/open").header("X-Request-Id", "bad id with spaces"));
        assertThat(replaced.headers().firstValue("X-Request-Id").orElseThrow()).isNotEqualTo("bad id with spaces").hasSize(36);
    }

    @Test
    void internalEndpointsNeedTheServiceCredentialNotAUserToken() throws Exception {
        assertProblem(send(get("/internal/ping")), 401, "unauthorized");
        assertProblem(send(get("/internal/ping").header("Authorization", "Bearer " + tokens.tokenFor(UUID.randomUUID(), "ha"))),
                401, "unauthorized");
        assertThat(send(get("/internal/ping").header("X-Dingus-Service-Token", "dev-service-token-change-me")).statusCode())
                .isEqualTo(200);
    }

    /**
     * Spring MVC and Spring Security match the decoded path, so every spelling that reaches an internal handler
     * must need the credential: percent-encoded letters, "/internal" itself, and case variants (which match no
     * handler at all).
     */
    @Test
    void internalEndpointsNeedTheServiceCredentialHoweverThePathIsSpelt() throws Exception {
        String userToken = "Bearer " + tokens.tokenFor(UUID.randomUUID(), "hb");
        SoftAssertions refused = new SoftAssertions();
        for (String path : List.of("/%69nternal/ping", "/%69%6e%74%65%72%6e%61%6c/ping", "/intern%61l/ping",
                "/internal/p%69ng", "/%49nternal/ping", "/INTERNAL/ping", "/Internal/ping", "/internal",
                "/intern%61l", "/internal/", "//internal/ping", "/./internal/ping", "/api/../internal/ping",
                "/internal;x=1/ping", "/internal/ping;x=1", "/%2finternal/ping")) {
            for (var response : List.of(send(get(path)), send(get(path).header("Authorization", userToken)))) {
                refused.assertThat(response.statusCode()).as(path + " " + response.body()).isBetween(400, 499);
                refused.assertThat(response.body()).as(path).doesNotContain("pong");
            }
        }
        refused.assertAll();
        assertProblem(send(get("/%69nternal/ping")), 401, "unauthorized");
        assertProblem(send(get("/internal")), 401, "unauthorized");
        assertProblem(send(get("/INTERNAL/ping")), 401, "unauthorized");
        assertThat(send(get("/%69nternal/ping").header("X-Dingus-Service-Token", "dev-service-token-change-me"))
                .statusCode()).isEqualTo(200);
        assertThat(send(get("/internal").header("X-Dingus-Service-Token", "dev-service-token-change-me"))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void corsAllowsOnlyConfiguredOrigins() throws Exception {
        var allowed = send(HttpRequest.newBuilder(uri("/api/v1/open")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://allowed.example").header("Access-Control-Request-Method", "GET"));
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).as(allowed.statusCode() + " " + allowed.headers().map()).contains("http://allowed.example");
        var denied = send(HttpRequest.newBuilder(uri("/api/v1/open")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://evil.example").header("Access-Control-Request-Method", "GET"));
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void securityHeadersAreSet() throws Exception {
        var response = send(get("/api/v1/open"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");
    }

    @Test
    void readinessChecksDatabaseRedisAndRabbit() throws Exception {
        var response = send(get("/actuator/health/readiness"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode components = json.readTree(response.body()).get("components");
        assertThat(components.has("db")).isTrue();
        assertThat(components.has("redis")).isTrue();
        assertThat(components.has("rabbit")).isTrue();
    }

    @Test
    void prometheusMetricsCarryTheServiceName() throws Exception {
        var response = send(get("/actuator/prometheus"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("application=\"web-test\"");
    }

    private JsonNode assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("code").asString()).isEqualTo(code);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asString()).isNotBlank();
        return body;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET();
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + tokens.tokenFor(UUID.randomUUID(), "poster"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
