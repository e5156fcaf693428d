package dev.dingus.gateway.security;

import dev.dingus.contracts.errors.ErrorCodes;
import dev.dingus.gateway.errors.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 401 problem+json that tells a missing token from an expired, revoked or otherwise invalid one. */
final class TokenProblemEntryPoint implements ServerAuthenticationEntryPoint {

    record Verdict(String code, String detail) {}

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        Verdict verdict = classify(failure);
        String challenge = ErrorCodes.UNAUTHORIZED.equals(verdict.code())
                ? "Bearer"
                : "Bearer error=\"invalid_token\"";
        return Problems.write(exchange, HttpStatus.UNAUTHORIZED, verdict.code(), verdict.detail(),
                headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge));
    }

    static Verdict classify(AuthenticationException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SessionRevokedException revoked) {
                return new Verdict(ErrorCodes.SESSION_REVOKED, revoked.getMessage());
            }
            if (t instanceof JwtValidationException invalid) {
                boolean onlyExpired = !invalid.getErrors().isEmpty() && invalid.getErrors().stream()
                        .map(OAuth2Error::getErrorCode).allMatch(ErrorCodes.TOKEN_EXPIRED::equals);
                return onlyExpired
                        ? new Verdict(ErrorCodes.TOKEN_EXPIRED, "The access token has expired; refresh it.")
                        : new Verdict(ErrorCodes.TOKEN_INVALID, "The access token is not valid.");
            }
            if (t instanceof JwtException) {
                return new Verdict(ErrorCodes.TOKEN_INVALID, "The access token is not valid.");
            }
        }
        if (failure instanceof OAuth2AuthenticationException) {
            // A malformed Authorization header, e.g. "Bearer" with a value that is no token at all.
            return new Verdict(ErrorCodes.TOKEN_INVALID, "The access token is not valid.");
        }
        return new Verdict(ErrorCodes.UNAUTHORIZED, "Sign in first: this endpoint needs an access token.");
    }
}
