package dev.dingus.auth.oidc;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dingus.auth.oidc.providers.<name>}: the providers a sign-in may name. A provider with an {@code issuer}
 * is trusted for id tokens whose audience contains {@code clientId}; one with a {@code userinfoUri} (GitHub) is
 * asked with the caller's access token, {@code emailsUri} (GitHub's {@code /user/emails}) then supplies a verified
 * email. An access token proves nothing about whom it was issued to, so {@code tokenCheckUri} (GitHub's
 * {@code /applications/{client_id}/token}, asked with {@code clientId}:{@code clientSecret}) first confirms it
 * belongs to our app; with a check URI the secret is required. A provider without a client id is not configured.
 */
@ConfigurationProperties("dingus.auth.oidc")
public record OidcProperties(Map<String, Provider> providers) {
    public OidcProperties {
        providers = providers == null ? Map.of() : Map.copyOf(providers);
    }

    public record Provider(String issuer, String clientId, String clientSecret, String userinfoUri, String emailsUri,
            String tokenCheckUri) {
        public boolean configured() {
            return present(clientId) && (present(issuer) || present(userinfoUri))
                    && (!present(tokenCheckUri) || present(clientSecret));
        }

        @Override
        public String toString() {
            return "Provider[issuer=" + issuer + ", clientId=" + clientId + "]"; // no secret in logs
        }

        public static boolean present(String value) {
            return value != null && !value.isBlank();
        }
    }
}
