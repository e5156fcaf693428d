package dev.dingus.auth.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dingus.testsupport.JsonReply;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small real identity provider on a random port, started once per test JVM: an OIDC discovery document and
 * JWKS (id tokens signed with Nimbus), and a GitHub-like userinfo API ({@code /user}, {@code /user/emails}) that
 * answers for the access tokens a test has handed out. A second key with the same key id signs "forged" tokens.
 */
public final class FakeOidcProvider {
    public static final String CLIENT_ID = "dingus-test-client";
    /** The configured provider names (see {@link #register}). */
    public static final String OIDC = "testidp";
    public static final String GITHUB = "testhub";
    public static final String UNCONFIGURED = "halfdone";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static FakeOidcProvider shared;

    private final RSAKey key;
    private final RSAKey stranger;
    private final HttpServer server;
    public static final String UNREACHABLE = "deadidp";
    private static final String HUB_CLIENT = "hub-client";
    private static final String HUB_SECRET = "hub-secret";

    private record Grant(String app, Object user, Object emails) {}

    private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();

    private FakeOidcProvider() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID("idp-key").generate();
        stranger = new RSAKeyGenerator(2048).keyID("idp-key").generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/openid-configuration", ex -> respond(ex, 200, Map.of(
                "issuer", issuer(),
                "jwks_uri", issuer() + "/jwks",
                "authorization_endpoint", issuer() + "/authorize",
                "token_endpoint", issuer() + "/token",
                "response_types_supported", new String[] {"code"},
                "subject_types_supported", new String[] {"public"},
                "id_token_signing_alg_values_supported", new String[] {"RS256"})));
        server.createContext("/jwks", ex -> respondRaw(ex, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/user", ex -> {
            Grant grant = accessTokens.get(bearer(ex));
            if (grant == null) {
                respond(ex, 401, Map.of("message", "Bad credentials"));
            } else {
                respond(ex, 200, ex.getRequestURI().getPath().endsWith("/emails") ? grant.emails() : grant.user());
            }
        });
        // GitHub's "check a token": POST /applications/{client_id}/token, Basic client_id:secret, {access_token}.
        server.createContext("/applications/", ex -> {
            String expected = "Basic " + Base64.getEncoder().encodeToString(
                    (HUB_CLIENT + ":" + HUB_SECRET).getBytes(StandardCharsets.UTF_8));
            if (!"POST".equals(ex.getRequestMethod()) || !expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                respond(ex, 401, Map.of("message", "Requires authentication"));
                return;
            }
            String app = ex.getRequestURI().getPath().split("/")[2];
            String token = JSON.readTree(ex.getRequestBody()).path("access_token").asString();
            Grant grant = accessTokens.get(token);
            if (grant != null && grant.app().equals(app)) {
                respond(ex, 200, Map.of("token", "***"));
            } else {
                respond(ex, 404, Map.of("message", "Not Found"));
            }
        });
        server.start();
    }

    public static synchronized FakeOidcProvider shared() {
        if (shared == null) {
            try {
                shared = new FakeOidcProvider();
            } catch (IOException | JOSEException e) {
                throw new IllegalStateException("Cannot start the fake OIDC provider", e);
            }
            FakeOidcProvider started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> started.server.stop(0), "stop-fake-oidc"));
        }
        return shared;
    }

    /** Configures the service under test with this provider (twice: as OIDC issuer and as GitHub-like API). */
    public void register(DynamicPropertyRegistry registry) {
        String base = "dingus.auth.oidc.providers.";
        registry.add(base + OIDC + ".issuer", this::issuer);
        registry.add(base + OIDC + ".client-id", () -> CLIENT_ID);
        registry.add(base + GITHUB + ".client-id", () -> HUB_CLIENT);
        registry.add(base + GITHUB + ".client-secret", () -> HUB_SECRET);
        registry.add(base + GITHUB + ".token-check-uri", () -> issuer() + "/applications/{clientId}/token");
        registry.add(base + GITHUB + ".userinfo-uri", () -> issuer() + "/user");
        registry.add(base + GITHUB + ".emails-uri", () -> issuer() + "/user/emails");
        registry.add(base + UNCONFIGURED + ".issuer", this::issuer);
        registry.add(base + UNCONFIGURED + ".client-id", () -> "");
        // Nothing listens on port 1: discovery fails.
        registry.add(base + UNREACHABLE + ".issuer", () -> "http://127.0.0.1:1");
        registry.add(base + UNREACHABLE + ".client-id", () -> CLIENT_ID);
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Claims of a valid id token for us: issuer, audience, subject, fresh iat/exp. */
    public JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer()).audience(CLIENT_ID).subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    public String sign(JWTClaimsSet claims) {
        return sign(key, claims);
    }

    /** Signed by a key the JWKS does not publish, under the published key's id. */
    public String forge(JWTClaimsSet claims) {
        return sign(stranger, claims);
    }

    /** Makes {@code token} a valid access token whose owner is {@code user}, with these {@code emails}. */
    public void grant(String token, Map<String, Object> user, Object emails) {
        accessTokens.put(token, new Grant(HUB_CLIENT, user, emails));
    }

    /** A token the same person gave another app: the userinfo API accepts it, the token check does not. */
    public void grantToAnotherApp(String token, Map<String, Object> user, Object emails) {
        accessTokens.put(token, new Grant("another-app", user, emails));
    }

    private static String sign(RSAKey with, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String bearer(HttpExchange ex) {
        String header = ex.getRequestHeaders().getFirst("Authorization");
        return header != null && header.startsWith("Bearer ") ? header.substring(7) : "";
    }

    private static void respond(HttpExchange ex, int status, Object body) throws IOException {
        respondRaw(ex, status, JSON.writeValueAsString(body));
    }

    private static void respondRaw(HttpExchange ex, int status, String body) throws IOException {
        JsonReply.send(ex, status, body);
    }
}
