package dev.dingus.gateway.health;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code dingus.gateway.services} (name to base URL, in report order) and how long /health waits for each. */
@ConfigurationProperties("dingus.gateway")
public record UpstreamSettings(Map<String, URI> services, @DefaultValue("2s") Duration healthTimeout) {
    public UpstreamSettings {
        services = services == null ? Map.of() : services;
    }
}
