package dev.dingus.messages.membership.internal;

import dev.dingus.messages.core.MessagesProperties;
import dev.dingus.platform.web.config.DingusProperties;
import dev.dingus.platform.web.rooms.RoomMembershipClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** room-service's membership answers, asked when the events have not told this service yet (or out of order). */
@Configuration(proxyBeanMethods = false)
class RoomServiceConfig {
    @Bean
    RoomMembershipClient roomMembershipClient(RestClient.Builder builder, MessagesProperties props, DingusProperties dingus) {
        MessagesProperties.Membership m = props.membership();
        return new RoomMembershipClient(builder, m.roomServiceUrl(), m.roomServiceTimeout(), dingus.security().serviceToken());
    }
}
