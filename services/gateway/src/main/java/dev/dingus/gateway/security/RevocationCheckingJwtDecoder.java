package dev.dingus.gateway.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** A signature- and claim-checked token is accepted only while its session ({@code sid}) is not revoked. */
final class RevocationCheckingJwtDecoder implements ReactiveJwtDecoder {
    private final ReactiveJwtDecoder delegate;
    private final RevokedSessions sessions;

    RevocationCheckingJwtDecoder(ReactiveJwtDecoder delegate, RevokedSessions sessions) {
        this.delegate = delegate;
        this.sessions = sessions;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        return delegate.decode(token).flatMap(jwt -> sessions.isRevoked(jwt.getClaimAsString("sid"))
                .flatMap(revoked -> revoked ? Mono.error(new SessionRevokedException()) : Mono.just(jwt)));
    }
}
