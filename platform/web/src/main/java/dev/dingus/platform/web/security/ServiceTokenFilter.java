package dev.dingus.platform.web.security;

import dev.dingus.contracts.errors.ErrorCodes;
import dev.dingus.contracts.security.ServiceAuth;
import dev.dingus.platform.web.errors.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/** Guards {@code /internal/**}: only callers holding the shared service credential get through, never a user token. */
public class ServiceTokenFilter extends OncePerRequestFilter {
    private final byte[] expected;

    public ServiceTokenFilter(String serviceToken) {
        this.expected = serviceToken.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/internal/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(ServiceAuth.HEADER);
        if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            ProblemWriter.write(response, HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHORIZED,
                    "Internal endpoints need the service credential.");
            return;
        }
        chain.doFilter(request, response);
    }
}
