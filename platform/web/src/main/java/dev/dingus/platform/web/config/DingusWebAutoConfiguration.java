package dev.dingus.platform.web.config;

import dev.dingus.contracts.security.ServiceAuth;
import dev.dingus.platform.web.errors.ProblemHandler;
import dev.dingus.platform.web.errors.ProblemWriter;
import dev.dingus.platform.web.requests.BodySizeLimitFilter;
import dev.dingus.platform.web.requests.RequestIdFilter;
import dev.dingus.platform.web.security.AccessTokenValidators;
import dev.dingus.platform.web.security.AuthenticatedUser;
import dev.dingus.platform.web.security.AuthenticatedUserArgumentResolver;
import dev.dingus.platform.web.security.DevelopmentSecretsGuard;
import dev.dingus.platform.web.security.ProblemAuthenticationEntryPoint;
import dev.dingus.platform.web.security.RevokedSessionValidator;
import dev.dingus.platform.web.security.RevokedSessions;
import dev.dingus.platform.web.security.ServiceTokenFilter;
import dev.dingus.platform.web.security.VerifiedTokenCache;
import dev.dingus.contracts.errors.ErrorCodes;
import java.util.ArrayList;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires the shared web behaviour into every servlet service: filters, problem+json errors, stateless JWT
 * security from the JWKS with revoked-session checks, CORS, headers, and request-id propagation on
 * outgoing calls. A service may replace the {@link JwtDecoder} (auth-service verifies with its own keys).
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration" })
@EnableConfigurationProperties(DingusProperties.class)
@EnableWebSecurity
@EnableScheduling
public class DingusWebAutoConfiguration {

    /** Always reachable without a token, on every service. */
    static final List<String> ALWAYS_PUBLIC = List.of("/actuator/health/**", "/actuator/health", "/actuator/info",
            "/actuator/prometheus", "/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html", "/error");

    @Bean
    ProblemHandler problemHandler() {
        return new ProblemHandler();
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> bean = new FilterRegistrationBean<>(new RequestIdFilter());
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return bean;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(DingusProperties props) {
        FilterRegistrationBean<BodySizeLimitFilter> bean = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(props.web().maxBodyBytes()));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return bean;
    }

    @Bean
    FilterRegistrationBean<ServiceTokenFilter> serviceTokenFilter(DingusProperties props, Environment env) {
        DevelopmentSecretsGuard.check(env, props.security().serviceToken());
        FilterRegistrationBean<ServiceTokenFilter> bean = new FilterRegistrationBean<>(
                new ServiceTokenFilter(props.security().serviceToken()));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return bean;
    }

    @Bean
    @ConditionalOnMissingBean
    RedisMessageListenerContainer redisMessageListenerContainer(RedisConnectionFactory connections) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.setRecoveryInterval(1000L);
        return container;
    }

    @Bean
    static BeanPostProcessor deferRedisListenerStartup() {
        return RedisListenersStarter.deferAutoStartup();
    }

    @Bean
    RedisListenersStarter redisListenersStarter(ObjectProvider<RedisMessageListenerContainer> containers) {
        return new RedisListenersStarter(containers);
    }

    @Bean
    RevokedSessions revokedSessions(StringRedisTemplate redis, RedisMessageListenerContainer container, DingusProperties props) {
        return new RevokedSessions(redis, container, props.redis().prefix(), props.security().accessTokenTtl());
    }

    @Bean
    RevokedSessionValidator revokedSessionValidator(RevokedSessions revoked) {
        return new RevokedSessionValidator(revoked);
    }

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(DingusProperties props, RevokedSessionValidator revokedValidator) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(props.security().jwksUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        OAuth2TokenValidator<Jwt> claims = AccessTokenValidators.forDingus(props.security().issuer(), revokedValidator);
        decoder.setJwtValidator(claims);
        return new VerifiedTokenCache(decoder, claims);
    }

    /**
     * No Spring Security observations: they wrap each of the chain's filters, the authentication and the
     * authorization of every request in an observation of its own, a large share of a cheap request's CPU;
     * http.server.requests still measures every request.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain dingusSecurityFilterChain(HttpSecurity http, DingusProperties props) throws Exception {
        RequestMatcher publicPaths = publicPaths(props);
        RequestMatcher withoutUserTokens = new OrRequestMatcher(publicPaths, ServiceTokenFilter.INTERNAL_PATHS);
        AuthenticationEntryPoint entryPoint = internalOr(new ProblemAuthenticationEntryPoint());
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(Customizer.withDefaults())
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                // Internal endpoints take no user token: ServiceTokenFilter checked the service credential and
                // marked the request; whatever it did not mark (it saw the path otherwise) is refused here.
                .authorizeHttpRequests(a -> a
                        .requestMatchers(ServiceTokenFilter.INTERNAL_PATHS).access(ServiceTokenFilter.serviceCallersOnly())
                        .requestMatchers(publicPaths).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o.jwt(Customizer.withDefaults())
                        .bearerTokenResolver(ignoringTokensOn(withoutUserTokens))
                        .authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler((request, response, denied) -> ProblemWriter.write(response,
                                HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN, "You may not do this.")));
        return http.build();
    }

    /** By name: Spring MVC's HandlerMappingIntrospector is a CorsConfigurationSource too, and must not suppress this. */
    @Bean
    @ConditionalOnMissingBean(name = "corsConfigurationSource")
    CorsConfigurationSource corsConfigurationSource(DingusProperties props) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(props.cors().allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", ServiceAuth.REQUEST_ID_HEADER));
        cors.setExposedHeaders(List.of(ServiceAuth.REQUEST_ID_HEADER, "Retry-After"));
        cors.setAllowCredentials(true);
        cors.setMaxAge(600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    @Bean
    WebMvcConfigurer authenticatedUserParameters() {
        // The caller comes from the verified token, never from the request: without this, springdoc lists it as a
        // required query parameter ("user", "caller") on every authenticated operation of every service's document.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(AuthenticatedUser.class);
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new AuthenticatedUserArgumentResolver());
            }
        };
    }

    /** Outgoing calls carry the current request id, so logs of the callee line up with the caller's. */
    @Bean
    RestClientCustomizer requestIdPropagation() {
        return builder -> builder.requestInterceptor((request, body, execution) -> {
            String requestId = RequestIdFilter.current();
            if (requestId != null && !request.getHeaders().containsHeader(ServiceAuth.REQUEST_ID_HEADER)) {
                request.getHeaders().set(ServiceAuth.REQUEST_ID_HEADER, requestId);
            }
            return execution.execute(request, body);
        });
    }

    private static RequestMatcher publicPaths(DingusProperties props) {
        List<String> patterns = new ArrayList<>(ALWAYS_PUBLIC);
        if (props.security().publicPaths() != null) {
            patterns.addAll(props.security().publicPaths());
        }
        return new OrRequestMatcher(patterns.stream()
                .map(p -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(p)).toList());
    }

    /**
     * A stale token sent to a public endpoint (say, login) must not turn it into a 401; on an internal endpoint a
     * user token counts for nothing.
     */
    private static BearerTokenResolver ignoringTokensOn(RequestMatcher paths) {
        DefaultBearerTokenResolver delegate = new DefaultBearerTokenResolver();
        return request -> paths.matches(request) ? null : delegate.resolve(request);
    }

    /** A refused internal call is told what it lacks: the service credential, not an access token. */
    private static AuthenticationEntryPoint internalOr(AuthenticationEntryPoint users) {
        return (request, response, e) -> {
            if (ServiceTokenFilter.INTERNAL_PATHS.matches(request)) {
                ServiceTokenFilter.refuse(response);
            } else {
                users.commence(request, response, e);
            }
        };
    }
}
