package dev.dingus.gateway.clientaddress;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dingus.gateway.trusted-proxies} ({@code DINGUS_TRUSTED_PROXIES}): addresses or CIDR ranges of peers whose
 * X-Forwarded-For the gateway believes. Empty means no peer is trusted.
 */
@ConfigurationProperties("dingus.gateway")
public record TrustedProxiesSettings(@DefaultValue({"127.0.0.0/8", "::1"}) List<String> trustedProxies) {
}
