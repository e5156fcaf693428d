package dev.dingus.auth.throttling;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code accountFailures} failed logins per account within {@code accountWindow}; {@code addressAttempts}
 * login attempts per client address within {@code addressWindow}; {@code trustedProxies}: addresses or CIDR
 * ranges (the gateway) whose {@code X-Forwarded-For} names the client.
 */
@ConfigurationProperties("dingus.auth.throttling")
public record ThrottlingProperties(int accountFailures, Duration accountWindow, int addressAttempts, Duration addressWindow,
        List<String> trustedProxies) {
    public ThrottlingProperties {
        if (accountFailures <= 0) accountFailures = 5;
        if (accountWindow == null) accountWindow = Duration.ofMinutes(15);
        if (addressAttempts <= 0) addressAttempts = 30;
        if (addressWindow == null) addressWindow = Duration.ofMinutes(1);
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }
}
