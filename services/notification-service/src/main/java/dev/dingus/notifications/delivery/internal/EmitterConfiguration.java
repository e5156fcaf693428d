package dev.dingus.notifications.delivery.internal;

import dev.dingus.platform.web.config.DingusProperties;
import dev.dingus.socketio.redis.RedisEmitter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The Socket.IO emitter on the same Redis and prefix as everything else, with the application's JSON rules. */
@Configuration(proxyBeanMethods = false)
class EmitterConfiguration {

    @Bean(destroyMethod = "close")
    RedisEmitter redisEmitter(@Value("${spring.data.redis.url}") String redisUrl, DingusProperties dingus, JsonMapper json) {
        return new RedisEmitter(redisUrl, dingus.redis().prefix(), json);
    }
}
