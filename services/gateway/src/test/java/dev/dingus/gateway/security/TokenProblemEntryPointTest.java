package dev.dingus.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class TokenProblemEntryPointTest {

    @Test
    void noTokenAtAllIsUnauthorized() {
        assertThat(TokenProblemEntryPoint.classify(new AuthenticationCredentialsNotFoundException("none")).code())
                .isEqualTo("unauthorized");
    }

    @Test
    void onlyAnExpiryErrorMakesTokenExpired() {
        JwtValidationException expired = new JwtValidationException("x", List.of(new OAuth2Error("token_expired")));
        assertThat(TokenProblemEntryPoint.classify(new InvalidBearerTokenException("x", expired)).code())
                .isEqualTo("token_expired");
        JwtValidationException expiredAndForeign = new JwtValidationException("x",
                List.of(new OAuth2Error("token_expired"), new OAuth2Error("invalid_token", "iss", null)));
        assertThat(TokenProblemEntryPoint.classify(new InvalidBearerTokenException("x", expiredAndForeign)).code())
                .isEqualTo("token_invalid");
    }

    @Test
    void aRevokedSessionIsSaidSo() {
        assertThat(TokenProblemEntryPoint.classify(new InvalidBearerTokenException("x", new SessionRevokedException())).code())
                .isEqualTo("session_revoked");
    }

    @Test
    void badSignaturesAndGarbageAreTokenInvalid() {
        assertThat(TokenProblemEntryPoint.classify(new InvalidBearerTokenException("x", new BadJwtException("sig"))).code())
                .isEqualTo("token_invalid");
        assertThat(TokenProblemEntryPoint.classify(new InvalidBearerTokenException("Bearer token is malformed")).code())
                .isEqualTo("token_invalid");
    }
}
