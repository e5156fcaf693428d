package dev.dingus.gateway.health;

import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Aggregated health of the system, as a client or an operator sees it through the gateway. */
@RestController
public class HealthController {
    private final UpstreamSettings settings;
    private final ServiceHealthClient client;

    public HealthController(UpstreamSettings settings, ServiceHealthClient client) {
        this.settings = settings;
        this.client = client;
    }

    @Operation(summary = "Readiness of every service, asked concurrently; 200 when all are UP, else 503")
    @GetMapping(path = "/health", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<HealthReport>> health() {
        return Flux.fromIterable(settings.services().entrySet())
                .flatMap(service -> client.readiness(service.getValue()).map(health -> Map.entry(service.getKey(), health)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(results -> {
                    Map<String, HealthReport.ServiceHealth> ordered = new LinkedHashMap<>();
                    settings.services().keySet().forEach(name -> ordered.put(name, results.get(name)));
                    boolean allUp = ordered.values().stream().allMatch(h -> "UP".equals(h.status()));
                    return ResponseEntity.status(allUp ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                            .body(new HealthReport(allUp ? "UP" : "DOWN", ordered));
                });
    }
}
