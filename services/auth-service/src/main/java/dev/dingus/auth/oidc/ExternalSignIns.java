package dev.dingus.auth.oidc;

import dev.dingus.auth.oidc.internal.IdTokenVerifier;
import dev.dingus.auth.oidc.internal.UserinfoClient;
import dev.dingus.platform.web.errors.ApiException;
import java.util.Locale;
import org.springframework.stereotype.Service;

/** Turns a provider's token into the {@link ExternalIdentity} it proves, or refuses it. */
@Service
public class ExternalSignIns {
    private static final int NAME_MAX = 64;

    private final OidcProperties props;
    private final IdTokenVerifier idTokens;
    private final UserinfoClient userinfo;

    public ExternalSignIns(OidcProperties props, IdTokenVerifier idTokens, UserinfoClient userinfo) {
        this.props = props;
        this.idTokens = idTokens;
        this.userinfo = userinfo;
    }

    /**
     * 400 {@code oidc_provider_unknown} for a provider that is not configured, 401 {@code oidc_token_invalid} for a
     * token the provider did not issue to us (or no longer accepts), 503 {@code oidc_provider_unavailable} when the
     * provider cannot be reached.
     */
    public ExternalIdentity verify(String providerName, String idToken, String accessToken) {
        String name = providerName == null ? "" : providerName.trim().toLowerCase(Locale.ROOT);
        OidcProperties.Provider provider = name.length() > NAME_MAX ? null : props.providers().get(name);
        if (provider == null || !provider.configured()) {
            throw OidcErrors.unknownProvider();
        }
        // An id token is preferred: its audience proves it was issued to our client.
        if (OidcProperties.Provider.present(provider.issuer()) && OidcProperties.Provider.present(idToken)) {
            return idTokens.verify(name, provider, idToken.trim());
        }
        if (OidcProperties.Provider.present(provider.userinfoUri()) && OidcProperties.Provider.present(accessToken)) {
            return userinfo.fetch(name, provider, accessToken.trim());
        }
        throw ApiException.validation(OidcProperties.Provider.present(provider.issuer())
                ? "idToken is required for this provider" : "accessToken is required for this provider");
    }
}
