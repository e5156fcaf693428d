package dev.dingus.platform.web.security;

import dev.dingus.contracts.errors.ErrorCodes;
import dev.dingus.platform.web.errors.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** 401 as problem+json, telling a missing token from an expired, revoked or invalid one. */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        String code = ErrorCodes.UNAUTHORIZED;
        String detail = "Sign in first: this endpoint needs an access token.";
        if (e instanceof OAuth2AuthenticationException) {
            code = ErrorCodes.TOKEN_INVALID;
            detail = "The access token is not valid.";
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof JwtValidationException invalid) {
                    for (OAuth2Error error : invalid.getErrors()) {
                        String description = String.valueOf(error.getDescription());
                        if (ErrorCodes.SESSION_REVOKED.equals(error.getErrorCode())) {
                            code = ErrorCodes.SESSION_REVOKED;
                            detail = description;
                        } else if (description.contains("expired")) {
                            code = ErrorCodes.TOKEN_EXPIRED;
                            detail = "The access token has expired; refresh it.";
                        }
                    }
                }
            }
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        ProblemWriter.write(response, HttpStatus.UNAUTHORIZED, code, detail);
    }
}
