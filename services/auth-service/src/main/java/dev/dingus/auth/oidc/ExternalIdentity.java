package dev.dingus.auth.oidc;

/**
 * Who a verified provider token names. {@code emailVerified} is null when the provider says nothing about it.
 * Everything but provider and subject may be null.
 */
public record ExternalIdentity(String provider, String subject, String email, Boolean emailVerified,
        String preferredUsername, String name, String picture) {

    @Override
    public String toString() {
        return "ExternalIdentity[provider=" + provider + "]"; // no subject or email in logs
    }
}
