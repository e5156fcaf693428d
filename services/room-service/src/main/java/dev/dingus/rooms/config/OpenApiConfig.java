package dev.dingus.rooms.config;

import dev.dingus.rooms.core.Paging;
import dev.dingus.rooms.core.RoomLimits;
import dev.dingus.rooms.core.RoomTexts;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document states the rules a client must know up front: limits, name rules, paging, errors. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

    @Bean
    OpenAPI roomServiceOpenApi(RoomLimits limits) {
        String description = """
                Rooms, memberships, roles and direct messages. Every endpoint needs `Authorization: Bearer <access token>`.

                Limits: at most %d members per room (409 `room_full`); a user belongs to at most %d rooms, DMs \
                included (409 `too_many_rooms`). Room names: %s; topics: %s (400 `validation_failed`). \
                Pages: `page` 0-based, `size` 1-%d (default %d).

                Errors are RFC 9457 problem+json with a stable `code`: 404 `room_not_found` for a room the caller \
                may not see (private rooms and DMs of others do not exist for them), 403 `forbidden` for a room the \
                caller sees but may not change, 404 `not_a_member` / `user_not_found`, 409 `already_member` / \
                `conflict`, 400 `validation_failed` / `malformed_json`."""
                .formatted(limits.maxMembersPerRoom(), limits.maxRoomsPerUser(), RoomTexts.NAME_RULE, RoomTexts.TOPIC_RULE,
                        Paging.MAX_SIZE, Paging.DEFAULT_SIZE);
        return new OpenAPI()
                .info(new Info().title("room-service").version("v1").description(description))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
