package dev.dingus.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code dingus.redis.prefix}: the key and channel prefix every Dingus part shares (tests use their own). */
@ConfigurationProperties("dingus.redis")
public record RedisPrefix(@DefaultValue("dingus:") String prefix) {}
