package dev.dingus.gateway.security;

import dev.dingus.contracts.errors.ErrorCodes;
import dev.dingus.gateway.errors.Problems;
import io.netty.channel.ChannelOption;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * The edge's security chain: stateless, no sessions or CSRF (bearer tokens only), JWT required on
 * {@code /api/v1/**} except register, login, refresh and oidc (external sign-in); everything else (frontend,
 * Socket.IO, JWKS, health, docs) passes, the Socket.IO endpoint authenticating in its own handshake. Headers and
 * CORS are set by our own filters, which also cover answers that never reach this chain.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class EdgeSecurityConfiguration {

    /** Public by contract (docs/api.md): a client without a token must be able to get one. */
    static final ServerWebExchangeMatcher PUBLIC_API = ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST,
            "/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/oidc");
    static final ServerWebExchangeMatcher PROTECTED_API = new AndServerWebExchangeMatcher(
            ServerWebExchangeMatchers.pathMatchers("/api/v1", "/api/v1/**"), new NegatedServerWebExchangeMatcher(PUBLIC_API));

    @Bean
    SecurityWebFilterChain edgeSecurity(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder) {
        TokenProblemEntryPoint entryPoint = new TokenProblemEntryPoint();
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .matchers(PROTECTED_API).authenticated()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder))
                        .bearerTokenConverter(new ProtectedApiBearerConverter(PROTECTED_API))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler((exchange, denied) -> Problems.write(exchange, HttpStatus.FORBIDDEN,
                                ErrorCodes.FORBIDDEN, "This request is not allowed.")))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint))
                .build();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(JwtSettings settings, RevokedSessions sessions) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
                .responseTimeout(Duration.ofSeconds(3));
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withJwkSetUri(settings.jwksUri().toString())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .webClient(WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build())
                .build();
        OAuth2TokenValidator<Jwt> claims = TokenValidators.forDingus(settings.issuer(), settings.clockSkew(), Clock.systemUTC());
        nimbus.setJwtValidator(claims);
        return new RevocationCheckingJwtDecoder(new VerifiedTokenDecoder(nimbus, claims), sessions);
    }

    /**
     * No Spring Security observations: they wrap each web filter of the chain, the authentication and the
     * authorization of every request in observations of their own, a large share of a proxied read's CPU;
     * http.server.requests still measures every request.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Requests Spring Security's firewall refuses (e.g. "/../" or encoded slashes in the path) get a 400 problem. */
    @Bean
    ServerExchangeRejectedHandler rejectedExchangeHandler() {
        return (exchange, rejected) -> Problems.write(exchange, HttpStatus.BAD_REQUEST, ErrorCodes.VALIDATION_FAILED,
                "The request path is not acceptable.");
    }
}
