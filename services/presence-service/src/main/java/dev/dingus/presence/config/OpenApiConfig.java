package dev.dingus.presence.config;

import dev.dingus.presence.core.ChosenStatus;
import dev.dingus.presence.core.PresenceProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document states what a client must know up front: limits, values, error codes. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

    @Bean
    OpenAPI presenceServiceOpenApi(PresenceProperties props) {
        String description = """
                Presence of users across all their devices. Every endpoint needs `Authorization: Bearer <access token>`.

                Statuses shown: `online`, `away`, `dnd`, `offline`. A user may set `%s`; `invisible` looks `offline` \
                to everyone, and `online` means automatic: `away` after %s without activity (sent messages, activity \
                pings, connects). A user whose sockets stop heartbeating turns `offline` within %s. `lastSeen` is \
                given for offline users only.

                Limits: a query names at most %d user ids (400 `validation_failed`); unknown ids are left out of its \
                answer. A user may set their status (`PUT /api/v1/presence/me`) %s times a minute, in bursts of up \
                to %d; more is 429 `rate_limited` with `Retry-After` (seconds). Errors are RFC 9457 problem+json \
                with a stable `code`: 404 `user_not_found`, 400 `validation_failed` (e.g. an invalid status) / \
                `malformed_json`, 429 `rate_limited`."""
                .formatted(ChosenStatus.WIRE_VALUES.replace("|", "`, `"), props.idleAfter(), props.heartbeatTtl(),
                        PresenceProperties.MAX_QUERY_IDS, perMinute(props.statusChanges().perMinute()),
                        props.statusChanges().burst());
        return new OpenAPI()
                .info(new Info().title("presence-service").version("v1").description(description))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** "10", not "10.0"; a fractional rate as it is. */
    private static String perMinute(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }
}
