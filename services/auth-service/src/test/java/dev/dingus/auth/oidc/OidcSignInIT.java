package dev.dingus.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.dingus.auth.AbstractAuthIT;
import dev.dingus.auth.Http;
import dev.dingus.testsupport.EventCapture;
import dev.dingus.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/auth/oidc against a real (small) identity provider served by the test. */
class OidcSignInIT extends AbstractAuthIT {
    private static final String PATH = "/api/v1/auth/oidc";
    private final FakeOidcProvider idp = FakeOidcProvider.shared();

    @Autowired
    ConnectionFactory rabbit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theFirstSignInCreatesAnAnnouncedPasswordlessAccountAndTheNextOneReturnsIt() {
        String id = TestInfrastructure.uniqueId();
        String subject = "sub-" + id;
        try (EventCapture events = EventCapture.start(rabbit, slice.exchange(), "user.registered")) {
            Http http = http();
            Http.Response first = signIn(http, FakeOidcProvider.OIDC, idp.sign(idp.claims(subject)
                    .claim("email", "ada_" + id + "@example.com").claim("email_verified", true)
                    .claim("preferred_username", "ada_" + id).claim("name", "Ada Lovelace")
                    .claim("picture", "https://example.com/ada.png").build()));
            assertThat(first.status()).as(first.toString()).isEqualTo(200);
            JsonNode auth = first.json();
            UUID userId = userId(auth);
            assertThat(auth.get("user").get("username").asString()).isEqualTo("ada_" + id);
            assertThat(auth.get("user").get("email").asString()).isEqualTo("ada_" + id + "@example.com");
            assertThat(auth.get("user").get("displayName").asString()).isEqualTo("Ada Lovelace");
            assertThat(auth.get("user").get("avatarUrl").asString()).isEqualTo("https://example.com/ada.png");
            assertThat(auth.get("tokenType").asString()).isEqualTo("Bearer");
            assertThat(auth.get("token").asString()).isEqualTo(accessToken(auth));
            assertThat(auth.get("expiresIn").asLong()).isPositive();
            assertThat(auth.get("refreshExpiresIn").asLong()).isPositive();
            assertThat(first.setCookie("dingus_refresh")).get().asString().contains(auth.get("refreshToken").asString());
            assertThat(jwtPart(accessToken(auth), 1).get("sub").asString()).isEqualTo(userId.toString());

            // The Dingus tokens work like any others: /me, and refresh.
            Http.Response me = http.get("/api/v1/auth/me", accessToken(auth));
            assertThat(me.status()).as(me.toString()).isEqualTo(200);
            assertThat(me.json().get("id").asString()).isEqualTo(userId.toString());
            Http.Response refreshed = http.post("/api/v1/auth/refresh",
                    Map.of("refreshToken", auth.get("refreshToken").asString()), null);
            assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);

            events.await("user.registered", bodies -> count(bodies, userId) == 1, Duration.ofSeconds(30));

            // Same identity again (name changed at the provider): same account, no second announcement.
            Http.Response second = signIn(http(), FakeOidcProvider.OIDC, idp.sign(idp.claims(subject)
                    .claim("email", "other_" + id + "@example.com").claim("email_verified", true)
                    .claim("preferred_username", "renamed_" + id).build()));
            assertThat(second.status()).as(second.toString()).isEqualTo(200);
            assertThat(userId(second.json())).isEqualTo(userId);
            assertThat(second.json().get("user").get("username").asString()).isEqualTo("ada_" + id);
            assertThat(refreshTokenOf(second)).isNotEqualTo(auth.get("refreshToken").asString());

            // No password works for it until one is set.
            assertThat(jdbc.sql("SELECT password_hash FROM users WHERE id = ?").param(userId).query(String.class).single())
                    .startsWith("{none}");
            Http.Response login = http().post("/api/v1/auth/login", Map.of("login", "ada_" + id, "password", "{none}"), null);
            assertThat(login.status()).as(login.toString()).isEqualTo(401);
            assertThat(login.code()).isEqualTo("invalid_credentials");

            sleepQuietly(1500); // a few outbox relay rounds: a second copy would arrive now
            assertThat(count(events.bodiesOf("user.registered"), userId)).isEqualTo(1);
        }
    }

    @Test
    void aTakenOrOddNameBecomesAValidUniqueUsername() {
        String id = TestInfrastructure.uniqueId();
        JsonNode existing = register(http(), Map.of("username", "grace_" + id, "email", "g1_" + id + "@example.com",
                "password", "correct horse " + id, "displayName", "Grace"));
        Http.Response taken = signIn(http(), FakeOidcProvider.OIDC, idp.sign(idp.claims("taken-" + id)
                .claim("email", "g2_" + id + "@example.com").claim("preferred_username", "grace_" + id).build()));
        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
        String username = taken.json().get("user").get("username").asString();
        assertThat(username).startsWith("grace_" + id + "-").matches("[A-Za-z0-9_.-]{3,32}");
        assertThat(userId(taken.json())).isNotEqualTo(userId(existing));

        // No preferred_username: the email's local part; characters a username cannot have are dropped.
        Http.Response odd = signIn(http(), FakeOidcProvider.OIDC, idp.sign(idp.claims("odd-" + id)
                .claim("email", "Zoë+x" + id + "@example.com").build()));
        assertThat(odd.status()).as(odd.toString()).isEqualTo(200);
        assertThat(odd.json().get("user").get("username").asString()).isEqualTo("Zox" + id);
    }

    @Test
    void tokensNotIssuedToUsByTheIssuerAreRefused() {
        String id = TestInfrastructure.uniqueId();
        Instant past = Instant.now().minus(Duration.ofHours(1));
        Map<String, String> bad = new HashMap<>();
        bad.put("wrong audience", idp.sign(idp.claims("a-" + id).audience("someone-else").build()));
        bad.put("other key", idp.forge(idp.claims("a-" + id).build()));
        bad.put("expired", idp.sign(idp.claims("a-" + id).issueTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofMinutes(5)))).build()));
        bad.put("other issuer", idp.sign(idp.claims("a-" + id).issuer("https://evil.example.com").build()));
        bad.put("no JWT", "not-a-token");
        for (Map.Entry<String, String> token : bad.entrySet()) {
            Http.Response response = signIn(http(), FakeOidcProvider.OIDC, token.getValue());
            assertThat(response.status()).as(token.getKey() + ": " + response).isEqualTo(401);
            assertThat(response.code()).as(token.getKey()).isEqualTo("oidc_token_invalid");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM oidc_identities WHERE subject = ?").param("a-" + id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void unknownProvidersAndMissingTokensAreBadRequests() {
        String token = idp.sign(idp.claims("u-" + TestInfrastructure.uniqueId()).claim("email", "x@example.com").build());
        for (String provider : List.of("nope", FakeOidcProvider.UNCONFIGURED)) {
            Http.Response response = signIn(http(), provider, token);
            assertThat(response.status()).as(provider + ": " + response).isEqualTo(400);
            assertThat(response.code()).isEqualTo("oidc_provider_unknown");
        }
        Http.Response noToken = http().post(PATH, Map.of("provider", FakeOidcProvider.OIDC), null);
        assertThat(noToken.status()).as(noToken.toString()).isEqualTo(400);
        assertThat(noToken.code()).isEqualTo("validation_failed");
        Http.Response noProvider = http().post(PATH, Map.of("idToken", token), null);
        assertThat(noProvider.status()).as(noProvider.toString()).isEqualTo(400);
        assertThat(noProvider.code()).isEqualTo("validation_failed");
        Http.Response noEmail = signIn(http(), FakeOidcProvider.OIDC, idp.sign(idp.claims("n-" + TestInfrastructure.uniqueId()).build()));
        assertThat(noEmail.status()).as(noEmail.toString()).isEqualTo(400);
        assertThat(noEmail.code()).isEqualTo("oidc_email_missing");
    }

    @Test
    void aRegisteredAccountIsNeverHandedToAnIdentityWithTheSameEmail() {
        // Registration checks nobody's address: whoever registers somebody else's email first must not receive
        // that person's later external sign-in, however much the provider vouches for the address.
        String id = TestInfrastructure.uniqueId();
        String email = "Linus_" + id + "@Example.com";
        String password = "correct horse " + id;
        UUID squatter = userId(register(http(), Map.of("username", "linus_" + id, "email", email, "password", password,
                "displayName", "Linus")));
        String lowerEmail = email.toLowerCase();

        for (Object verified : new Object[] {null, "true", true}) {
            JWTClaimsSet.Builder claims = idp.claims("link-" + id).claim("email", lowerEmail);
            Http.Response refused = signIn(http(), FakeOidcProvider.OIDC,
                    idp.sign(verified == null ? claims.build() : claims.claim("email_verified", verified).build()));
            assertThat(refused.status()).as(verified + ": " + refused).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("email_taken");
        }
        Http.Response unverified = signIn(http(), FakeOidcProvider.OIDC, idp.sign(idp.claims("link-" + id)
                .claim("email", lowerEmail).claim("email_verified", false).build()));
        assertThat(unverified.status()).as(unverified.toString()).isEqualTo(403);
        assertThat(unverified.code()).isEqualTo("oidc_email_unverified");

        assertThat(jdbc.sql("SELECT count(*) FROM oidc_identities WHERE user_id = ?").param(squatter).query(Long.class)
                .single()).isZero();
        Http.Response login = http().post("/api/v1/auth/login", Map.of("login", email, "password", password), null);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);

        // A new email that the provider disowns creates nothing.
        Http.Response disowned = signIn(http(), FakeOidcProvider.OIDC, idp.sign(idp.claims("d-" + id)
                .claim("email", "fresh_" + id + "@example.com").claim("email_verified", false).build()));
        assertThat(disowned.status()).as(disowned.toString()).isEqualTo(403);
        assertThat(disowned.code()).isEqualTo("oidc_email_unverified");
    }

    @Test
    void anAccountAProviderVouchedForIsLinkedToAnotherIdentityThatVouchesToo() {
        String id = TestInfrastructure.uniqueId();
        String email = "mae_" + id + "@example.com";
        UUID owner = userId(signIn(http(), FakeOidcProvider.OIDC, idp.sign(idp.claims("first-" + id)
                .claim("email", email).claim("email_verified", true).build())).json());

        Http.Response unsaid = signIn(http(), FakeOidcProvider.OIDC, idp.sign(idp.claims("second-" + id)
                .claim("email", email).build()));
        assertThat(unsaid.status()).as(unsaid.toString()).isEqualTo(409);
        assertThat(unsaid.code()).isEqualTo("email_taken");

        Http.Response vouched = signIn(http(), FakeOidcProvider.OIDC, idp.sign(idp.claims("second-" + id)
                .claim("email", email.toUpperCase()).claim("email_verified", "true").build()));
        assertThat(vouched.status()).as(vouched.toString()).isEqualTo(200);
        assertThat(userId(vouched.json())).isEqualTo(owner);
        // Linked now: the second identity signs in even without an email.
        Http.Response again = signIn(http(), FakeOidcProvider.OIDC, idp.sign(idp.claims("second-" + id).build()));
        assertThat(userId(again.json())).isEqualTo(owner);

        // An account made from an email its provider did not vouch for is not linked to anyone else either.
        String unsure = "nell_" + id + "@example.com";
        UUID first = userId(signIn(http(), FakeOidcProvider.OIDC, idp.sign(idp.claims("unsure-" + id)
                .claim("email", unsure).build())).json());
        Http.Response refused = signIn(http(), FakeOidcProvider.OIDC, idp.sign(idp.claims("sure-" + id)
                .claim("email", unsure).claim("email_verified", true).build()));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT count(*) FROM oidc_identities WHERE user_id = ?").param(first).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void aProviderWithoutIdTokensIsAskedWithTheAccessToken() {
        String id = TestInfrastructure.uniqueId();
        String accessToken = "gho_" + id;
        long githubId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        Map<String, Object> user = new HashMap<>();
        user.put("id", githubId);
        user.put("login", "octo-" + id);
        user.put("name", "Octo Cat");
        user.put("email", null); // private on the profile
        user.put("avatar_url", "https://avatars.example.com/u/1");
        idp.grant(accessToken, user, List.of(
                Map.of("email", "old_" + id + "@example.com", "primary", false, "verified", true),
                Map.of("email", "octo_" + id + "@example.com", "primary", true, "verified", true)));

        Http.Response first = http().post(PATH, Map.of("provider", FakeOidcProvider.GITHUB, "accessToken", accessToken), null);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("user").get("username").asString()).isEqualTo("octo-" + id);
        assertThat(first.json().get("user").get("email").asString()).isEqualTo("octo_" + id + "@example.com");
        assertThat(first.json().get("user").get("avatarUrl").asString()).isEqualTo("https://avatars.example.com/u/1");
        assertThat(jdbc.sql("SELECT user_id FROM oidc_identities WHERE provider = ? AND subject = ?")
                .params(FakeOidcProvider.GITHUB, Long.toString(githubId)).query(UUID.class).single())
                .isEqualTo(userId(first.json()));

        Http.Response second = http().post(PATH, Map.of("provider", FakeOidcProvider.GITHUB, "accessToken", accessToken), null);
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(userId(second.json())).isEqualTo(userId(first.json()));

        Http.Response refused = http().post(PATH, Map.of("provider", FakeOidcProvider.GITHUB, "accessToken", "gho_unknown"), null);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("oidc_token_invalid");

        // The same person's token held by another app must not sign in here as them.
        idp.grantToAnotherApp("gho_other_" + id, user, List.of());
        Http.Response foreign = http().post(PATH, Map.of("provider", FakeOidcProvider.GITHUB, "accessToken", "gho_other_" + id), null);
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(401);
        assertThat(foreign.code()).isEqualTo("oidc_token_invalid");
    }

    @Test
    void anUnreachableProviderIsAServiceUnavailableNotTheCallersFault() {
        Http.Response response = signIn(http(), FakeOidcProvider.UNREACHABLE,
                idp.sign(idp.claims("x-" + TestInfrastructure.uniqueId()).build()));
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.code()).isEqualTo("oidc_provider_unavailable");
    }

    private Http.Response signIn(Http http, String provider, String idToken) {
        return http.post(PATH, Map.of("provider", provider, "idToken", idToken), null);
    }

    private static String refreshTokenOf(Http.Response response) {
        return response.json().get("refreshToken").asString();
    }

    private static long count(List<String> bodies, UUID userId) {
        return bodies.stream().filter(b -> b.contains("\"userId\":\"" + userId + "\"")).count();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
