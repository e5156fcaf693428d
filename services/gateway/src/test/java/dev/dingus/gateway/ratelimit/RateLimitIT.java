package dev.dingus.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.gateway.support.GatewayTestBase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitIT extends GatewayTestBase {

    @Test
    void loginIsLimitedPerAddressWithRetryAfter() {
        for (int i = 0; i < AUTH_BURST; i++) {
            assertThat(http.post("/api/v1/auth/login", null, "{}").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = http.post("/api/v1/auth/login", null, "{}");
        assertProblem(limited, 429, "rate_limited");
        assertRetryAfterIsTheTimeUntilTheNextToken(limited);
        assertThat(http.post("/api/v1/auth/register", null, "{}").statusCode())
                .as("login, register and refresh share the stricter bucket").isEqualTo(429);
        assertThat(http.post("/api/v1/auth/oidc", null, "{}").statusCode())
                .as("so does the external sign-in").isEqualTo(429);
    }

    @Test
    void clientsForwardedByATrustedProxyHaveAuthBucketsOfTheirOwn() {
        // From loopback (a trusted proxy, like the frontend's server) the rightmost untrusted hop is the client.
        for (int i = 0; i < AUTH_BURST; i++) {
            assertThat(loginFrom("198.51.100.7").statusCode()).isEqualTo(200);
        }
        assertProblem(loginFrom("198.51.100.7"), 429, "rate_limited");
        assertThat(loginFrom("6.6.6.6, 198.51.100.7").statusCode()).as("a hop the client wrote further left is ignored")
                .isEqualTo(429);
        assertThat(loginFrom("198.51.100.8").statusCode()).as("another forwarded client").isEqualTo(200);
        assertThat(http.post("/api/v1/auth/login", null, "{}").statusCode()).as("the proxy's own address").isEqualTo(200);
    }

    private HttpResponse<String> loginFrom(String forwardedFor) {
        return http.send(http.request("/api/v1/auth/login").header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor).POST(HttpRequest.BodyPublishers.ofString("{}")));
    }

    @Test
    void eachUserHasABucketOfTheirOwn() {
        String busy = tokenForNewUser();
        for (int i = 0; i < USER_BURST; i++) {
            assertThat(http.get("/api/v1/rooms", busy).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = http.get("/api/v1/rooms", busy);
        assertProblem(limited, 429, "rate_limited");
        assertRetryAfterIsTheTimeUntilTheNextToken(limited);
        assertThat(http.get("/api/v1/rooms", tokenForNewUser()).statusCode()).as("another user").isEqualTo(200);
    }

    /** A token comes back every SECONDS_PER_TOKEN, less the time the burst took (far less than half of it). */
    private static void assertRetryAfterIsTheTimeUntilTheNextToken(HttpResponse<String> limited) {
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).as("one token comes back every %d s", SECONDS_PER_TOKEN)
                .isBetween(SECONDS_PER_TOKEN / 2, SECONDS_PER_TOKEN);
    }

    /**
     * The routes and the security chain match the decoded path and the service decodes the forwarded one, so an
     * encoded letter is the same endpoint: it must take from the same bucket.
     */
    @Test
    void encodedSpellingsOfTheAuthPathsTakeFromTheAuthBucket() {
        List<String> spellings = List.of("/%61pi/v1/auth/register", "/api/v1/auth/logi%6e", "/api/v1/%61uth/refresh",
                "/%61%70%69/v1/auth/oidc");
        for (int i = 0; i < AUTH_BURST; i++) {
            String path = spellings.get(i % spellings.size());
            assertThat(http.post(path, null, "{}").statusCode()).as(path).isEqualTo(200);
        }
        for (String path : spellings) {
            assertProblem(http.post(path, null, "{}"), 429, "rate_limited");
        }
        assertProblem(http.post("/api/v1/auth/login", null, "{}"), 429, "rate_limited");
        assertThat(http.get("/api/v1/rooms", tokenForNewUser()).statusCode()).as("the user bucket is another one")
                .isEqualTo(200);
    }

    @Test
    void encodedSpellingsOfAnApiPathTakeFromTheUsersBucket() {
        String busy = tokenForNewUser();
        for (int i = 0; i < USER_BURST; i++) {
            String path = i % 2 == 0 ? "/%61pi/v1/rooms" : "/api/v1/r%6foms";
            assertThat(http.get(path, busy).statusCode()).as(path).isEqualTo(200);
        }
        assertProblem(http.get("/%61pi/v1/rooms", busy), 429, "rate_limited");
        assertProblem(http.get("/api/v1/rooms", busy), 429, "rate_limited");
    }

    @Test
    void encodedSpellingsOfTheJwksTakeFromTheAnonymousBucket() {
        for (int i = 0; i < ANONYMOUS_BURST; i++) {
            assertThat(http.get("/.w%65ll-known/jwks.json").statusCode()).isEqualTo(200);
        }
        assertProblem(http.get("/.w%65ll-known/jwks.json"), 429, "rate_limited");
        assertProblem(http.get("/.well-known/jwks.json"), 429, "rate_limited");
    }

    @Test
    void pagesAndSocketIoAreNotRateLimited() {
        for (int i = 0; i < USER_BURST + 5; i++) {
            assertThat(http.get("/rooms").statusCode()).isEqualTo(200);
        }
        assertThat(http.get("/socket.io/?EIO=4&transport=polling").statusCode()).isEqualTo(200);
    }

    @Test
    void allowedAnswersSayHowManyRequestsAreLeft() {
        HttpResponse<String> first = http.get("/api/v1/rooms", tokenForNewUser());
        assertThat(first.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(USER_BURST - 1));
    }
}
