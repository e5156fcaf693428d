package dev.dingus.auth.tokens;

import dev.dingus.platform.web.config.DingusProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

/**
 * Issues access tokens: RS256 JWTs with {@code sub} (user id), {@code username}, {@code sid} (session id),
 * {@code iss}, {@code iat}, {@code exp}, and the signing key's {@code kid} in the header.
 */
@Service
public class AccessTokens {
    private final SigningKeys keys;
    private final String issuer;
    private final Duration ttl;
    private final Clock clock;

    @Autowired
    public AccessTokens(SigningKeys keys, DingusProperties props) {
        this(keys, props.security().issuer(), props.security().accessTokenTtl(), Clock.systemUTC());
    }

    AccessTokens(SigningKeys keys, String issuer, Duration ttl, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.ttl = ttl;
        this.clock = clock;
    }

    public IssuedAccessToken issue(UUID userId, String username, UUID sessionId) {
        SigningKeys.Active signer = keys.active();
        // Whole seconds, as JWT carries them: expiresIn then matches exp - iat exactly.
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plus(ttl);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(userId.toString())
                .claim("username", username)
                .claim("sid", sessionId.toString())
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(signer.kid()).type("JWT").build();
        String token = signer.encoder().encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new IssuedAccessToken(token, ttl.toSeconds(), expiresAt);
    }

    /** Lifetime of the access tokens issued here. */
    public Duration ttl() {
        return ttl;
    }
}
