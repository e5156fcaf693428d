package dev.dingus.gateway.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

/**
 * The signing side of auth-service for tests: an RSA key pair published as a JWKS, tokens signed with it as
 * auth-service issues them, and the broken tokens an attacker or a stale client would send.
 */
public final class TestKeys {
    private final RSAKey key;
    private final RSAKey stranger;

    public TestKeys() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-key-1").generate();
            // Same kid, different key: a token that looks like ours but is not.
            stranger = new RSAKeyGenerator(2048).keyID("test-key-1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    public String token(String userId, String sessionId) {
        return sign(key, claims(userId, sessionId, "dingus", Instant.now(), Duration.ofMinutes(15)).build());
    }

    public String expiredToken(String userId) {
        return sign(key, claims(userId, UUID.randomUUID().toString(), "dingus",
                Instant.now().minus(Duration.ofHours(1)), Duration.ofMinutes(15)).build());
    }

    public String otherKeyToken(String userId) {
        return sign(stranger, claims(userId, UUID.randomUUID().toString(), "dingus", Instant.now(), Duration.ofMinutes(15)).build());
    }

    public String otherIssuerToken(String userId) {
        return sign(key, claims(userId, UUID.randomUUID().toString(), "someone-else", Instant.now(), Duration.ofMinutes(15)).build());
    }

    public String tokenWithoutSession(String userId) {
        return sign(key, claims(userId, null, "dingus", Instant.now(), Duration.ofMinutes(15)).build());
    }

    /** A valid token whose payload was edited after signing (the signature no longer matches). */
    public String tamperedToken(String userId) {
        String[] parts = token(userId, UUID.randomUUID().toString()).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(userId, UUID.randomUUID().toString());
        return parts[0] + "." + base64(payload) + "." + parts[2];
    }

    /** An unsigned token ({@code alg: none}) with otherwise valid claims. */
    public String unsignedToken(String userId) {
        String payload = claims(userId, UUID.randomUUID().toString(), "dingus", Instant.now(), Duration.ofMinutes(15))
                .build().toString();
        return base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64(payload) + ".";
    }

    private static JWTClaimsSet.Builder claims(String userId, String sessionId, String issuer, Instant issuedAt, Duration lifetime) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(userId)
                .claim("username", "user-" + userId.substring(0, 8))
                .issuer(issuer)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)));
        if (sessionId != null) {
            claims.claim("sid", sessionId);
        }
        return claims;
    }

    private static String sign(RSAKey with, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
