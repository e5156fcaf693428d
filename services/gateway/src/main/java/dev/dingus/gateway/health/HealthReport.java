package dev.dingus.gateway.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** The answer of {@code GET /health}: {@code UP} only when every service is. */
public record HealthReport(String status, Map<String, ServiceHealth> services) {

    /** One service: its readiness status, its URL and, when unreachable, why. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceHealth(String status, String url, String error) {}
}
