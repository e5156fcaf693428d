package dev.dingus.rooms.users.internal;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where auth-service answers ({@code dingus.rooms.auth-url}) and how long we wait for it. */
@ConfigurationProperties("dingus.rooms")
public record AuthUsersProperties(URI authUrl, Duration authTimeout) {
    public AuthUsersProperties {
        if (authUrl == null) authUrl = URI.create("http://127.0.0.1:3001");
        if (authTimeout == null) authTimeout = Duration.ofSeconds(3);
    }
}
