package dev.dingus.contracts.security;

import java.time.Duration;

/**
 * How long past its {@code exp} a Dingus access token is still accepted, and so how long a revoked session must stay
 * revoked. Every verifier (the gateway, platform-web's decoder in each service, auth-service's own) allows
 * {@link #CLOCK_SKEW}, because the machines' clocks differ a little: a token one service just accepted must not be
 * refused by the next. A token is therefore accepted until {@code exp + CLOCK_SKEW}, and a revocation has to outlive
 * {@code ttl + CLOCK_SKEW} ({@link #revocationLifetime}): one that ended at {@code revocation + ttl} let a logged-out
 * token work again, on every service, for the rest of the skew.
 */
public final class AccessTokenLifetime {
    private AccessTokenLifetime() {}

    /** How far past {@code exp} (and before {@code nbf}) every Dingus verifier still accepts an access token. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    /**
     * On top of {@code ttl + skew}: a refresh already past its transaction when the session is revoked mints its
     * access token a moment after the revocation started, so that token expires a moment after revocation + ttl.
     */
    public static final Duration REVOCATION_MARGIN = Duration.ofSeconds(5);

    /** How long a session revoked now stays revoked, for access tokens living {@code accessTokenTtl}. */
    public static Duration revocationLifetime(Duration accessTokenTtl) {
        return revocationLifetime(accessTokenTtl, CLOCK_SKEW);
    }

    /** The same, for a verifier that allows {@code clockSkew} (the gateway's is configurable). */
    public static Duration revocationLifetime(Duration accessTokenTtl, Duration clockSkew) {
        return accessTokenTtl.plus(clockSkew).plus(REVOCATION_MARGIN);
    }
}
