package dev.dingus.presence.tracking.internal;

import dev.dingus.presence.core.PresenceKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/** Subscribes to message-service's socket reports; the container resubscribes by itself after Redis returns. */
@Configuration(proxyBeanMethods = false)
class TrackingConfiguration {

    @Bean
    RedisMessageListenerContainer presenceReportsListener(RedisConnectionFactory connections, SocketReports reports,
            PresenceKeys keys) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.setTaskExecutor(new VirtualThreadTaskExecutor("presence-report-"));
        container.setRecoveryInterval(2_000);
        container.addMessageListener(reports, new ChannelTopic(keys.eventsChannel()));
        return container;
    }
}
