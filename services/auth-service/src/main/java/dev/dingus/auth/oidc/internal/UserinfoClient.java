package dev.dingus.auth.oidc.internal;

import dev.dingus.auth.oidc.ExternalIdentity;
import dev.dingus.auth.oidc.OidcErrors;
import dev.dingus.auth.oidc.OidcProperties;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * For providers without id tokens (GitHub): the caller's access token is asked at the provider's userinfo endpoint
 * who it belongs to. A refused token is 401; an unreachable or odd provider 503. The subject is the standard
 * {@code sub}, else GitHub's numeric {@code id}; with {@code emailsUri} the primary verified address is taken
 * (GitHub's profile email may be missing or private).
 */
@Component
public class UserinfoClient {
    private static final Logger log = LoggerFactory.getLogger(UserinfoClient.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String USER_AGENT = "dingus-auth-service"; // GitHub refuses requests without one

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final JsonMapper json = JsonMapper.builder().build();

    public ExternalIdentity fetch(String name, OidcProperties.Provider provider, String accessToken) {
        if (OidcProperties.Provider.present(provider.tokenCheckUri())) {
            checkIssuedToUs(name, provider, accessToken);
        }
        JsonNode user = get(name, provider.userinfoUri(), accessToken);
        String subject = text(user, "sub");
        if (subject == null && user.has("id") && (user.get("id").isNumber() || user.get("id").isString())) {
            subject = user.get("id").asString();
        }
        if (subject == null || subject.isBlank()) {
            log.warn("OIDC provider {} answered userinfo without a subject", name);
            throw OidcErrors.unavailable();
        }
        String email = text(user, "email");
        Boolean verified = user.has("email_verified") ? IdTokenVerifier.booleanClaim(scalar(user.get("email_verified"))) : null;
        if (OidcProperties.Provider.present(provider.emailsUri())) {
            JsonNode primary = primaryVerifiedEmail(get(name, provider.emailsUri(), accessToken));
            if (primary != null) {
                email = text(primary, "email");
                verified = Boolean.TRUE;
            }
        }
        String username = text(user, "preferred_username") != null ? text(user, "preferred_username") : text(user, "login");
        String picture = text(user, "picture") != null ? text(user, "picture") : text(user, "avatar_url");
        return new ExternalIdentity(name, subject, email, verified, username, text(user, "name"), picture);
    }

    /**
     * Without this, an access token another app obtained from the same person would sign in here as them.
     * GitHub answers 200 for a token of this app, 404 (or 422) otherwise.
     */
    private void checkIssuedToUs(String name, OidcProperties.Provider provider, String accessToken) {
        String uri = provider.tokenCheckUri().replace("{clientId}", URLEncoder.encode(provider.clientId(), StandardCharsets.UTF_8));
        String basic = Base64.getEncoder().encodeToString(
                (provider.clientId() + ":" + provider.clientSecret()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).timeout(TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("access_token", accessToken))))
                .build();
        int status = send(name, request).statusCode();
        if (status == 404 || status == 422) {
            throw OidcErrors.invalidToken("the access token was not issued to this application");
        }
        if (status / 100 != 2) {
            log.warn("OIDC provider {} answered {} to a token check", name, status);
            throw OidcErrors.unavailable();
        }
    }

    private static JsonNode primaryVerifiedEmail(JsonNode emails) {
        if (!emails.isArray()) {
            return null;
        }
        for (JsonNode e : emails) {
            if (e.path("primary").asBoolean(false) && e.path("verified").asBoolean(false) && text(e, "email") != null) {
                return e;
            }
        }
        return null;
    }

    private JsonNode get(String name, String uri, String accessToken) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .GET().build();
        HttpResponse<String> response = send(name, request);
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw OidcErrors.invalidToken("the provider does not accept the access token");
        }
        if (response.statusCode() / 100 != 2) {
            log.warn("OIDC provider {} answered {} to a userinfo request", name, response.statusCode());
            throw OidcErrors.unavailable();
        }
        try {
            return json.readTree(response.body());
        } catch (JacksonException e) {
            log.warn("OIDC provider {} answered userinfo with no JSON", name);
            throw OidcErrors.unavailable();
        }
    }

    private HttpResponse<String> send(String name, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            log.warn("OIDC provider {} unreachable: {}", name, e.toString());
            throw OidcErrors.unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OidcErrors.unavailable();
        }
    }

    private static Object scalar(JsonNode node) {
        return node.isBoolean() ? (Object) node.asBoolean() : node.asString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            return null;
        }
        return value.asString();
    }
}
