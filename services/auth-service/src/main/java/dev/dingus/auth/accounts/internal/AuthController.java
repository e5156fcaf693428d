package dev.dingus.auth.accounts.internal;

import dev.dingus.auth.accounts.UserView;
import dev.dingus.auth.sessions.RefreshCookie;
import dev.dingus.auth.throttling.ClientAddresses;
import dev.dingus.contracts.errors.ErrorCodes;
import dev.dingus.platform.web.errors.ApiException;
import dev.dingus.platform.web.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth", description = "Register, log in, refresh, log out")
class AuthController {
    private final SignInService signIn;
    private final OidcSignInService oidc;
    private final RefreshCookie cookie;
    private final ClientAddresses addresses;

    AuthController(SignInService signIn, OidcSignInService oidc, RefreshCookie cookie, ClientAddresses addresses) {
        this.signIn = signIn;
        this.oidc = oidc;
        this.cookie = cookie;
        this.addresses = addresses;
    }

    @PostMapping("/register")
    @SecurityRequirements
    @Operation(summary = "Create an account and sign in", description = "Public. 409 username_taken / email_taken; "
            + "the refresh token is also set as the dingus_refresh cookie.")
    @ApiResponse(responseCode = "201", description = "Registered and signed in")
    ResponseEntity<AuthResponse> register(@Valid @RequestBody RegisterRequest request) {
        AuthResponse response = signIn.register(request);
        return withCookie(ResponseEntity.created(URI.create("/api/v1/users/" + response.user().id())), response);
    }

    @PostMapping("/login")
    @SecurityRequirements
    @Operation(summary = "Sign in with username or email", description = "Public. 401 invalid_credentials for an unknown "
            + "login or a wrong password alike; 429 rate_limited (Retry-After) after too many attempts per address or "
            + "failures per account.")
    ResponseEntity<AuthResponse> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return withCookie(ResponseEntity.ok(), signIn.login(request, addresses.of(http)));
    }

    @PostMapping("/oidc")
    @SecurityRequirements
    @Operation(summary = "Sign in with an external provider (OIDC, Google, GitHub)", description = "Public. Trades the "
            + "provider's id token (or, for providers without one such as GitHub, its access token) for a Dingus session. "
            + "The first sign-in links the identity to the account with the same email if the provider verified it, "
            + "else creates a password-less account (409 email_taken if the address belongs to an account and is not "
            + "verified). 400 oidc_provider_unknown, oidc_email_missing; 401 oidc_token_invalid; 403 "
            + "oidc_email_unverified; 429 rate_limited; 503 oidc_provider_unavailable.")
    ResponseEntity<AuthResponse> oidc(@Valid @RequestBody OidcSignInRequest request, HttpServletRequest http) {
        return withCookie(ResponseEntity.ok(), oidc.signIn(request, addresses.of(http)));
    }

    @PostMapping("/refresh")
    @SecurityRequirements
    @Operation(summary = "Exchange a refresh token for new tokens", description = "Public. The refresh token comes in the "
            + "body or the dingus_refresh cookie; it is spent, a new one is returned. Presenting a spent one ends the "
            + "session: 401 refresh_token_reused. Unknown, expired or ended: 401 refresh_token_invalid.")
    ResponseEntity<AuthResponse> refresh(@RequestBody(required = false) RefreshRequest request,
            @Parameter(hidden = true) @CookieValue(name = RefreshCookie.NAME, required = false) String fromCookie) {
        String token = request != null && request.refreshToken() != null && !request.refreshToken().isBlank()
                ? request.refreshToken() : fromCookie;
        return withCookie(ResponseEntity.ok(), signIn.refresh(token));
    }

    @PostMapping("/logout")
    @Operation(summary = "End this session", description = "Its refresh token dies at once; its access tokens are refused "
            + "by every service within a second (401 session_revoked).")
    @ApiResponse(responseCode = "204", description = "Signed out")
    ResponseEntity<Void> logout(AuthenticatedUser user) {
        signIn.logout(user.id(), sessionOf(user));
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookie.clear()).build();
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in user, with email")
    UserView me(AuthenticatedUser user) {
        return signIn.me(user.id());
    }

    private ResponseEntity<AuthResponse> withCookie(ResponseEntity.BodyBuilder builder, AuthResponse response) {
        String setCookie = cookie.issue(response.refreshToken(), Duration.ofSeconds(response.refreshExpiresIn()));
        return builder.header(HttpHeaders.SET_COOKIE, setCookie).body(response);
    }

    static UUID sessionOf(AuthenticatedUser user) {
        try {
            return UUID.fromString(user.sessionId());
        } catch (RuntimeException e) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorCodes.TOKEN_INVALID, "The access token names no valid session.");
        }
    }
}
