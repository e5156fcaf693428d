package dev.dingus.auth.oidc.internal;

import dev.dingus.auth.oidc.ExternalIdentity;
import dev.dingus.auth.oidc.OidcErrors;
import dev.dingus.auth.oidc.OidcProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final JsonMapper json = JsonMapper.builder().build();

    public ExternalIdentity fetch(String name, OidcProperties.Provider provider, String accessToken) {
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
                .header("User-Agent", "dingus-auth-service") // GitHub refuses requests without one
                .GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            log.warn("OIDC provider {} unreachable: {}", name, e.toString());
            throw OidcErrors.unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OidcErrors.unavailable();
        }
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
