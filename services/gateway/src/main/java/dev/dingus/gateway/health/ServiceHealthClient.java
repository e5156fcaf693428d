package dev.dingus.gateway.health;

import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/** Asks one service for {@code /actuator/health/readiness}; never fails, a failure is a DOWN with a reason. */
@Component
public class ServiceHealthClient {
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {};

    private final WebClient client;
    private final Duration timeout;

    public ServiceHealthClient(UpstreamSettings settings) {
        this.timeout = settings.healthTimeout();
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .responseTimeout(timeout);
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    public Mono<HealthReport.ServiceHealth> readiness(URI base) {
        String url = base.toString();
        return client.get().uri(base.resolve("/actuator/health/readiness"))
                .exchangeToMono(response -> response.bodyToMono(JSON_OBJECT)
                        .map(body -> String.valueOf(body.getOrDefault("status", "UNKNOWN")))
                        .onErrorResume(e -> Mono.just("UNKNOWN"))
                        .defaultIfEmpty("UNKNOWN")
                        .map(status -> answer(url, response.statusCode().value(), status)))
                .timeout(timeout)
                .onErrorResume(e -> Mono.just(new HealthReport.ServiceHealth("DOWN", url, reason(e))));
    }

    /** UP only for a 2xx saying UP; otherwise the status the service reported (DOWN if it said nothing useful). */
    static HealthReport.ServiceHealth answer(String url, int httpStatus, String reported) {
        if (httpStatus >= 200 && httpStatus < 300 && "UP".equals(reported)) {
            return new HealthReport.ServiceHealth("UP", url, null);
        }
        String status = "UP".equals(reported) || "UNKNOWN".equals(reported) ? "DOWN" : reported;
        return new HealthReport.ServiceHealth(status, url, "readiness answered " + httpStatus);
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof io.netty.handler.timeout.ReadTimeoutException
                    || t instanceof io.netty.channel.ConnectTimeoutException) {
                return "timeout";
            }
            if (t instanceof java.net.ConnectException) {
                return "unreachable";
            }
        }
        return "error: " + e.getClass().getSimpleName();
    }
}
