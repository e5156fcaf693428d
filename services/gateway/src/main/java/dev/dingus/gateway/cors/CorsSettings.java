package dev.dingus.gateway.cors;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code dingus.cors.allowed-origins}: the exact origins (scheme://host:port) a browser may call us from. */
@ConfigurationProperties("dingus.cors")
public record CorsSettings(List<String> allowedOrigins) {
    public CorsSettings {
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
    }
}
