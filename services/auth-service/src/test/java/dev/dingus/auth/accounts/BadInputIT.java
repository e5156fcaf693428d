package dev.dingus.auth.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.dingus.auth.AbstractAuthIT;
import dev.dingus.auth.Http;
import dev.dingus.testsupport.TestTokens;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Bad input of every kind gets the right 4xx and a stable code, never a 500. */
class BadInputIT extends AbstractAuthIT {

    @Autowired
    JdbcClient jdbc;

    TestTokens strangers;

    @BeforeAll
    void startStrangerKeys() {
        strangers = TestTokens.start();
    }

    @AfterAll
    void stopStrangerKeys() {
        strangers.close();
    }

    private static void assertProblem(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString())
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.code()).as(response.toString()).isEqualTo(code);
    }

    private static List<String> fieldsIn(Http.Response response) {
        List<String> fields = new ArrayList<>();
        for (JsonNode error : response.json().get("errors")) {
            fields.add(error.get("field").asString());
        }
        return fields;
    }

    private Http.Response registerWith(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = new HashMap<>(newUser("Bad input"));
        change.accept(body);
        return http().post("/api/v1/auth/register", body, null);
    }

    @Test
    void registrationWithoutFieldsNamesEveryMissingOne() {
        Http.Response response = http().post("/api/v1/auth/register", Map.of(), null);

        assertProblem(response, 400, "validation_failed");
        assertThat(fieldsIn(response)).contains("username", "email", "password");
    }

    @Test
    void malformedUsernamesAreRefused() {
        for (Object username : new Object[] {"ab", "x".repeat(33), "has space", "émile", "a@b", "semi;colon", ""}) {
            Http.Response response = registerWith(u -> u.put("username", username));
            assertProblem(response, 400, "validation_failed");
            assertThat(fieldsIn(response)).as("username " + username).containsOnly("username");
        }
    }

    @Test
    void invalidEmailsAreRefused() {
        for (String email : List.of("not-an-email", "a@b", "two@@example.com", "spaces in@example.com",
                "x".repeat(250) + "@example.com", "")) {
            Http.Response response = registerWith(u -> u.put("email", email));
            assertProblem(response, 400, "validation_failed");
            assertThat(fieldsIn(response)).as("email " + email).containsOnly("email");
        }
    }

    @Test
    void passwordsMustBe8To128Characters() {
        Http.Response tooShort = registerWith(u -> u.put("password", "1234567"));
        Http.Response tooLong = registerWith(u -> u.put("password", "p".repeat(129)));
        Http.Response longest = registerWith(u -> u.put("password", "ü".repeat(128)));

        assertProblem(tooShort, 400, "validation_failed");
        assertThat(fieldsIn(tooShort)).containsOnly("password");
        assertProblem(tooLong, 400, "validation_failed");
        assertThat(longest.status()).as("128 two-byte characters are fine").isEqualTo(201);
    }

    @Test
    void displayNamesAreBounded() {
        assertProblem(registerWith(u -> u.put("displayName", "d".repeat(65))), 400, "validation_failed");
        assertProblem(registerWith(u -> u.put("displayName", "line\nbreak")), 400, "validation_failed");
        assertThat(registerWith(u -> u.put("displayName", "d".repeat(64))).status()).isEqualTo(201);
    }

    @Test
    void takenUsernamesAndEmailsAreConflictsWhateverTheirCase() {
        Map<String, Object> first = newUser("First");
        register(http(), first);

        Http.Response sameUsername = registerWith(u -> u.put("username", ((String) first.get("username")).toUpperCase()));
        Http.Response sameEmail = registerWith(u -> u.put("email", ((String) first.get("email")).toUpperCase()));

        assertProblem(sameUsername, 409, "username_taken");
        assertProblem(sameEmail, 409, "email_taken");
    }

    @Test
    void malformedJsonAndWrongShapesAre400() {
        Http http = http();
        assertProblem(http.send("POST", "/api/v1/auth/register", "{\"username\": ", null, Map.of()), 400, "malformed_json");
        assertProblem(http.send("POST", "/api/v1/auth/login", "not json at all", null, Map.of()), 400, "malformed_json");
        assertProblem(http.send("POST", "/api/v1/auth/login", "{\"login\":\"a\\u0000b\",\"password\":\"pw\"}", null, Map.of()),
                400, "validation_failed");
        assertProblem(http.send("POST", "/api/v1/auth/register", "{\"username\": [1, 2]}", null, Map.of()), 400, "malformed_json");
        assertProblem(http.send("POST", "/api/v1/auth/register", "", null, Map.of()), 400, "malformed_json");
        assertProblem(http.send("POST", "/api/v1/auth/login", "{}", null, Map.of("Content-Type", "text/plain")), 415,
                "unsupported_media_type");
    }

    @Test
    void loginNeedsALoginAndAPassword() {
        Http.Response missing = http().post("/api/v1/auth/login", Map.of(), null);
        Http.Response blankLogin = http().post("/api/v1/auth/login", Map.of("login", " ", "password", "whatever1"), null);

        assertProblem(missing, 400, "validation_failed");
        assertThat(fieldsIn(missing)).contains("login", "password");
        assertProblem(blankLogin, 400, "validation_failed");
        assertThat(fieldsIn(blankLogin)).containsOnly("login");
    }

    @Test
    void bodiesOverTheLimitAre413WithOrWithoutAContentLength() {
        String huge = "{\"username\": \"" + "x".repeat(20_000) + "\"}";

        assertProblem(http().send("POST", "/api/v1/auth/register", huge, null, Map.of()), 413, "payload_too_large");
        assertProblem(http().postChunked("/api/v1/auth/register", huge.getBytes()), 413, "payload_too_large");
    }

    @Test
    void unknownRoutesAndWrongMethodsHaveTheirCodes() {
        JsonNode auth = register(http());
        assertProblem(http().get("/api/v1/nothing-here", accessToken(auth)), 404, "not_found");
        assertProblem(http().send("DELETE", "/api/v1/auth/me", null, accessToken(auth), Map.of()), 405, "method_not_allowed");
    }

    @Test
    void aMissingTokenIsUnauthorized() {
        assertProblem(http().get("/api/v1/auth/me", null), 401, "unauthorized");
        assertProblem(http().post("/api/v1/auth/logout", null, null), 401, "unauthorized");
        assertProblem(http().get("/api/v1/friends", null), 401, "unauthorized");
    }

    @Test
    void garbageTamperedAndForeignTokensAreInvalid() throws Exception {
        JsonNode auth = register(http());
        String token = accessToken(auth);
        String[] parts = token.split("\\.");
        JsonNode claims = jwtPart(token, 1);
        String otherUser = Http.JSON.writeValueAsString(Map.of("sub", UUID.randomUUID().toString(), "username", "mallory",
                "sid", claims.get("sid").asString(), "iss", "dingus", "iat", claims.get("iat").asLong(), "exp", claims.get("exp").asLong()));
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(otherUser.getBytes()) + "." + parts[2];

        String kid = jwtPart(token, 0).get("kid").asString();
        RSAKey impostor = new RSAKeyGenerator(2048).keyID(kid).generate();
        UUID me = userId(auth);

        for (String bad : List.of("garbage", "a.b.c", tampered,
                strangers.tokenFor(me, "stranger"),             // a key this service never published
                sign(impostor, me, claims.get("sid").asString(), "dingus", Instant.now(), Duration.ofMinutes(5)))) { // our kid, other key
            assertProblem(http().get("/api/v1/auth/me", bad), 401, "token_invalid");
        }
    }

    @Test
    void expiredTokensWrongIssuersAndTokensWithoutSessionAreRefused() throws Exception {
        JsonNode auth = register(http());
        String kid = jwtPart(accessToken(auth), 0).get("kid").asString();
        RSAKey ours = currentSigningKey(kid);
        UUID me = userId(auth);
        String sid = jwtPart(accessToken(auth), 1).get("sid").asString();

        String expired = sign(ours, me, sid, "dingus", Instant.now().minus(Duration.ofHours(1)), Duration.ofMinutes(15));
        assertProblem(http().get("/api/v1/auth/me", expired), 401, "token_expired");

        String wrongIssuer = sign(ours, me, sid, "someone-else", Instant.now(), Duration.ofMinutes(5));
        assertProblem(http().get("/api/v1/auth/me", wrongIssuer), 401, "token_invalid");

        String noSession = sign(ours, me, null, "dingus", Instant.now(), Duration.ofMinutes(5));
        assertProblem(http().get("/api/v1/auth/me", noSession), 401, "token_invalid");

        // The same key and claims, valid: proves the refusals above are about what was changed.
        assertThat(http().get("/api/v1/auth/me", sign(ours, me, sid, "dingus", Instant.now(), Duration.ofMinutes(5))).status())
                .isEqualTo(200);
    }

    private RSAKey currentSigningKey(String kid) throws Exception {
        String pkcs8 = jdbc.sql("SELECT private_key FROM signing_keys WHERE kid = ?").param(kid).query(String.class).single();
        RSAPrivateKey privateKey = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8)));
        String publicKey = jdbc.sql("SELECT public_key FROM signing_keys WHERE kid = ?").param(kid).query(String.class).single();
        var pub = (java.security.interfaces.RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
        return new RSAKey.Builder(pub).privateKey(privateKey).keyID(kid).build();
    }

    private static String sign(RSAKey key, UUID subject, String sid, String issuer, Instant issuedAt, Duration ttl) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject.toString()).claim("username", "someone")
                .issuer(issuer).issueTime(Date.from(issuedAt)).expirationTime(Date.from(issuedAt.plus(ttl)));
        if (sid != null) {
            claims.claim("sid", sid);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
