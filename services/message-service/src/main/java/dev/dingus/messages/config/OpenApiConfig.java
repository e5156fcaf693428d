package dev.dingus.messages.config;

import dev.dingus.messages.core.MessagesProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    /** The limits in the description come from the running configuration, so the document never lies. */
    @Bean
    OpenAPI messageServiceOpenApi(MessagesProperties props) {
        MessagesProperties.Limits l = props.limits();
        String description = """
                Message history, sending over HTTP (the same path and guarantees as the Socket.IO event \
                `send_message`), editing, deleting, read state, unread counts and full-text search.

                Limits: a message has 1–%d characters after trimming (`message_empty`, `message_too_long`) and no control \
                characters other than line breaks and tabs (`validation_failed`); \
                `clientMsgId` at most %d characters; history and search pages hold at most %d items \
                (history default %d); each user may send, edit and delete %s messages per second on average, \
                together, with bursts of %d, beyond that 429 `rate_limited` with `Retry-After`; search queries at \
                most %d characters, with at least one word that is not excluded (`-word`), and at most %d ms in the \
                database (422 `search_too_broad`); \
                unread counts stop counting at %d. The real-time protocol (Socket.IO) is in docs/protocol.md."""
                .formatted(l.maxContentLength(), l.maxClientMsgIdLength(), l.maxPageSize(), l.defaultPageSize(),
                        trim(l.sendRatePerSecond()), l.sendBurst(), l.maxSearchQueryLength(),
                        l.searchTimeout().toMillis(), l.unreadCountCap());
        return new OpenAPI()
                .info(new Info().title("message-service").version("v1").description(description))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
