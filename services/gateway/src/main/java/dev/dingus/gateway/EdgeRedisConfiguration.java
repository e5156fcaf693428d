package dev.dingus.gateway;

import io.lettuce.core.ClientOptions;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Redis is an aid at the edge (rate-limit buckets, revocation lookups), never a dependency of a request: while
 * the connection is down, commands fail at once instead of queueing in Lettuce until it reconnects, and the
 * callers fail open.
 */
@Configuration(proxyBeanMethods = false)
class EdgeRedisConfiguration {

    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }
}
