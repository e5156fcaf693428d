package dev.dingus.notifications.config;

import dev.dingus.notifications.core.Limits;
import dev.dingus.notifications.core.NotificationsProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document states what a client must know up front: limits, kinds, error codes. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

    @Bean
    OpenAPI notificationServiceOpenApi(NotificationsProperties props) {
        String description = """
                Stored notifications (kinds `dm`, `mention`, `invitation`, `friend_request`, `friend_accepted`, \
                `system`), also delivered live as the Socket.IO event `notification`. Every endpoint needs \
                `Authorization: Bearer <access token>`. Unread message counts per room come from message-service \
                (`GET /api/v1/messages/unread`); this service counts unread notifications.

                Limits: pages `page` 0-%d, `size` 1-%d (default %d); system alert title 1-%d and body 1-%d \
                characters; at most %d muted rooms per user. A muted room makes no `dm` or `mention` notifications. \
                Each user keeps their newest %d notifications: a cleanup every %s deletes older ones, so a list may \
                briefly hold more. A `dm` or `mention` notification quotes no `body` once its message was deleted \
                or edited.

                System alerts: only system admins (configured list and, unless turned off, the first registered \
                user) may send them; others get 403 `forbidden`. Errors are RFC 9457 problem+json with a stable \
                `code`: 404 `notification_not_found` / `room_not_found`, 409 `too_many_mutes`, 400 \
                `validation_failed` / `malformed_json`."""
                .formatted(Limits.MAX_PAGE, Limits.MAX_PAGE_SIZE, Limits.DEFAULT_PAGE_SIZE, Limits.ALERT_TITLE_MAX,
                        Limits.ALERT_BODY_MAX, props.maxMutesPerUser(), props.maxPerUser(), shortForm(props.cleanupInterval()));
        return new OpenAPI()
                .info(new Info().title("notification-service").version("v1").description(description))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** {@code PT1H30M} as {@code 1h30m}. */
    private static String shortForm(Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
