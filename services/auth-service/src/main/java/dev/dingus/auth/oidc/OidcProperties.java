package dev.dingus.auth.oidc;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dingus.auth.oidc.providers.<name>}: the providers a sign-in may name. A provider with an {@code issuer}
 * is trusted for id tokens whose audience contains {@code clientId}; one with a {@code userinfoUri} (GitHub) is
 * asked with the caller's access token, {@code emailsUri} (GitHub's {@code /user/emails}) then supplies a verified
 * email. A provider without a client id is not configured.
 */
@ConfigurationProperties("dingus.auth.oidc")
public record OidcProperties(Map<String, Provider> providers) {
    public OidcProperties {
        providers = providers == null ? Map.of() : Map.copyOf(providers);
    }

    public record Provider(String issuer, String clientId, String userinfoUri, String emailsUri) {
        public boolean configured() {
            return present(clientId) && (present(issuer) || present(userinfoUri));
        }

        public static boolean present(String value) {
            return value != null && !value.isBlank();
        }
    }
}
