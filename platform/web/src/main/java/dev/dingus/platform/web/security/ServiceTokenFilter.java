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
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /internal/**}: only callers holding the shared service credential get through, never a user token.
 * It decides on the decoded, normalized path, with the same matcher Spring Security and Spring MVC use, so
 * {@code /%69nternal/...} is internal too; and it marks the requests it let through, which Spring Security then
 * requires on {@code /internal/**} ({@link #serviceCallersOnly()}): a path the two ever saw differently is refused.
 */
public class ServiceTokenFilter extends OncePerRequestFilter {
    /** {@code /internal} itself and everything under it, as Spring MVC would match them. */
    public static final RequestMatcher INTERNAL_PATHS = PathPatternRequestMatcher.withDefaults().matcher("/internal/**");

    // A request attribute: a client can set headers and paths, never attributes.
    private static final String SERVICE_CALLER = ServiceTokenFilter.class.getName() + ".serviceCaller";

    private final byte[] expected;

    public ServiceTokenFilter(String serviceToken) {
        this.expected = serviceToken.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !INTERNAL_PATHS.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(ServiceAuth.HEADER);
        if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            refuse(response);
            return;
        }
        request.setAttribute(SERVICE_CALLER, Boolean.TRUE);
        chain.doFilter(request, response);
    }

    /** For Spring Security's rule on {@link #INTERNAL_PATHS}: only a request this filter let through. */
    public static AuthorizationManager<RequestAuthorizationContext> serviceCallersOnly() {
        return (authentication, context) -> new AuthorizationDecision(
                Boolean.TRUE.equals(context.getRequest().getAttribute(SERVICE_CALLER)));
    }

    /** The one answer to a caller of an internal endpoint without the credential. */
    public static void refuse(HttpServletResponse response) throws IOException {
        ProblemWriter.write(response, HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHORIZED,
                "Internal endpoints need the service credential.");
    }
}
