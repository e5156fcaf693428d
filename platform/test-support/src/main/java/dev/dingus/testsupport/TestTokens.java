package dev.dingus.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A stand-in for auth-service's signing side in service tests: an RSA key served as a real JWKS over HTTP
 * on a random port, and access tokens signed with it (claims as auth-service issues them). A second,
 * unpublished key signs "other-key" tokens for negative tests.
 */
public final class TestTokens implements AutoCloseable {
    private final RSAKey key;
    private final RSAKey strangerKey;
    private final HttpServer server;

    private TestTokens(RSAKey key, RSAKey strangerKey, HttpServer server) {
        this.key = key;
        this.strangerKey = strangerKey;
        this.server = server;
    }

    /** Starts the JWKS server; close it when the tests are done. */
    public static TestTokens start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("test-" + TestInfrastructure.uniqueId()).generate();
            RSAKey stranger = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/.well-known/jwks.json", exchange -> {
                JsonReply.send(exchange, 200, jwks);
            });
            server.start();
            return new TestTokens(key, stranger, server);
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException("Cannot start the test JWKS server", e);
        }
    }

    public String jwksUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    /** Points the service under test at this JWKS. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("dingus.security.jwks-uri", this::jwksUri);
    }

    /** A valid 15-minute token for a user with a fresh session id. */
    public String tokenFor(UUID userId, String username) {
        return sign(key, userId, username, UUID.randomUUID().toString(), Instant.now(), Duration.ofMinutes(15));
    }

    public String tokenFor(UUID userId, String username, String sessionId) {
        return sign(key, userId, username, sessionId, Instant.now(), Duration.ofMinutes(15));
    }

    /** A token that expired well beyond the validators' clock skew. */
    public String expiredTokenFor(UUID userId, String username) {
        return sign(key, userId, username, UUID.randomUUID().toString(), Instant.now().minus(Duration.ofHours(1)),
                Duration.ofMinutes(15));
    }

    /** Signed by a key the JWKS does not publish (same key id, to be sure it is the signature that fails). */
    public String otherKeyTokenFor(UUID userId, String username) {
        return sign(strangerKey, userId, username, UUID.randomUUID().toString(), Instant.now(), Duration.ofMinutes(15));
    }

    private static String sign(RSAKey with, UUID userId, String username, String sessionId, Instant issuedAt, Duration ttl) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(userId.toString())
                .claim("username", username)
                .claim("sid", sessionId)
                .issuer("dingus")
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(ttl)))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
