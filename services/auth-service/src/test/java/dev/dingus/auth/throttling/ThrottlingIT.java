package dev.dingus.auth.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.auth.AbstractAuthIT;
import dev.dingus.auth.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Login throttling per account (5 failures / 15 min) and per address (30 attempts / min) in the real Redis. */
class ThrottlingIT extends AbstractAuthIT {

    private static void assertRateLimited(Http.Response response, long maxRetryAfter) {
        assertThat(response.status()).as(response.toString()).isEqualTo(429);
        assertThat(response.code()).isEqualTo("rate_limited");
        long retryAfter = Long.parseLong(response.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, maxRetryAfter);
    }

    @Test
    void anAccountLocksAfterFiveFailedLoginsEvenForTheRightPassword() {
        Map<String, Object> user = newUser("Target");
        register(http(), user);
        Map<String, Object> wrong = Map.of("login", user.get("username"), "password", "guess guess");

        for (int i = 0; i < 5; i++) {
            // From different addresses: the account limit holds wherever the guesses come from.
            assertThat(http().post("/api/v1/auth/login", wrong, null).code()).isEqualTo("invalid_credentials");
        }
        Http.Response locked = http().post("/api/v1/auth/login", Map.of("login", user.get("email"), "password", user.get("password")), null);

        assertRateLimited(locked, 15 * 60);
    }

    /**
     * Parallel guesses must not all pass a check made before any of them failed: each attempt is counted before
     * its password is checked, so exactly the limit get an answer about the password and the rest 429.
     */
    @Test
    void parallelWrongPasswordsForOneAccountGetNoMoreGuessesThanTheLimit() throws Exception {
        Map<String, Object> user = newUser("Raced");
        register(http(), user);
        Map<String, Object> wrong = Map.of("login", user.get("username"), "password", "guess guess");

        // Each from an address of its own: only the account limit can stop them.
        List<Http.Response> answers = inParallel(30, () -> http().post("/api/v1/auth/login", wrong, null));

        assertThat(answers).filteredOn(r -> r.status() == 401).as("guesses checked").hasSize(5)
                .allSatisfy(r -> assertThat(r.code()).isEqualTo("invalid_credentials"));
        assertThat(answers).filteredOn(r -> r.status() != 401).hasSize(25)
                .allSatisfy(r -> assertRateLimited(r, 15 * 60));
        assertRateLimited(http().post("/api/v1/auth/login", Map.of("login", user.get("username"), "password",
                user.get("password")), null), 15 * 60);
    }

    @Test
    void parallelWrongCurrentPasswordsGetNoMoreGuessesThanTheLimit() throws Exception {
        Map<String, Object> user = newUser("Stolen token");
        String token = accessToken(register(http(), user));
        Map<String, Object> wrong = Map.of("currentPassword", "guess guess", "newPassword", "a brand new secret");

        List<Http.Response> answers = inParallel(20, () -> http().post("/api/v1/users/me/password", wrong, token));

        assertThat(answers).filteredOn(r -> r.status() == 403).as("guesses checked").hasSize(5)
                .allSatisfy(r -> assertThat(r.code()).isEqualTo("invalid_credentials"));
        assertThat(answers).filteredOn(r -> r.status() != 403).hasSize(15)
                .allSatisfy(r -> assertRateLimited(r, 15 * 60));
    }

    /** Starts {@code n} calls at once and waits for all of their answers. */
    private static List<Http.Response> inParallel(int n, Callable<Http.Response> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Http.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Http.Response> answers = new ArrayList<>();
            for (Future<Http.Response> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        }
    }

    @Test
    void unknownAccountsLockTheSameWay() {
        Map<String, Object> wrong = Map.of("login", "nobody-" + newUser("x").get("username"), "password", "guess guess");
        for (int i = 0; i < 5; i++) {
            assertThat(http().post("/api/v1/auth/login", wrong, null).code()).isEqualTo("invalid_credentials");
        }
        assertRateLimited(http().post("/api/v1/auth/login", wrong, null), 15 * 60);
    }

    @Test
    void aSuccessfulLoginClearsTheFailures() {
        Map<String, Object> user = newUser("Forgetful");
        register(http(), user);
        Map<String, Object> wrong = Map.of("login", user.get("username"), "password", "guess guess");
        Map<String, Object> right = Map.of("login", user.get("username"), "password", user.get("password"));

        for (int i = 0; i < 4; i++) {
            http().post("/api/v1/auth/login", wrong, null);
        }
        assertThat(http().post("/api/v1/auth/login", right, null).status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            http().post("/api/v1/auth/login", wrong, null);
        }
        assertThat(http().post("/api/v1/auth/login", right, null).status()).isEqualTo(200);
    }

    @Test
    void anAddressIsLimitedToThirtyAttemptsAMinuteWhileOthersGoOn() {
        Http attacker = http();
        for (int i = 0; i < 30; i++) {
            // A different account every time: only the address limit can stop this.
            Map<String, Object> guess = Map.of("login", "victim" + i + "-" + attacker.address(), "password", "guess guess");
            assertThat(attacker.post("/api/v1/auth/login", guess, null).code()).as("attempt " + (i + 1)).isEqualTo("invalid_credentials");
        }
        Map<String, Object> user = newUser("Bystander");
        register(http(), user);
        Map<String, Object> right = Map.of("login", user.get("username"), "password", user.get("password"));

        assertRateLimited(attacker.post("/api/v1/auth/login", right, null), 60);
        assertThat(http().post("/api/v1/auth/login", right, null).status()).as("another address").isEqualTo(200);
    }

    @Test
    void aForgedForwardedForLeftOfTheProxysEntryDoesNotEscapeTheLimit() {
        Http attacker = http();
        for (int i = 0; i < 31; i++) {
            // The client invents a first hop each time; the gateway (trusted) appended the real address.
            Http.Response response = attacker.send("POST", "/api/v1/auth/login",
                    Http.JSON.writeValueAsString(Map.of("login", "nobody" + i + attacker.address(), "password", "guess guess")),
                    null, Map.of("X-Forwarded-For", "203.0.113." + i + ", " + attacker.address()));
            if (i == 30) {
                assertRateLimited(response, 60);
            } else {
                assertThat(response.status()).isEqualTo(401);
            }
        }
    }
}
