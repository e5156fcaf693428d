package dev.dingus.messages.config;

import dev.dingus.messages.core.MessagesProperties;
import dev.dingus.messages.core.RedisGuard;
import dev.dingus.messages.core.RedisKeys;
import dev.dingus.platform.web.config.DingusProperties;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessagesProperties.class)
class InfrastructureConfig {

    /**
     * While Redis is down, commands fail at once instead of queueing until their timeout: a send must never
     * wait two seconds for a cache write or a rate-limit check that has a local fallback.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
        return options -> options.autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    /**
     * Reconnect within about a second of Redis returning (Lettuce's default backs off up to 30 s). No per-command
     * latency histograms: every send costs several Redis commands, and nothing reads those histograms.
     */
    @Bean
    ClientResourcesBuilderCustomizer quickRedisReconnect() {
        return resources -> resources.reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofMillis(800), 2,
                java.util.concurrent.TimeUnit.MILLISECONDS)).commandLatencyRecorder(CommandLatencyRecorder.disabled());
    }

    @Bean
    RedisGuard redisGuard(StringRedisTemplate redis) {
        return new RedisGuard(redis);
    }

    @Bean
    RedisKeys redisKeys(DingusProperties dingus) {
        return new RedisKeys(dingus.redis().prefix());
    }
}
