package dev.dingus.platform.web;

import dev.dingus.platform.web.errors.ApiException;
import dev.dingus.platform.web.errors.RateLimitedException;
import dev.dingus.platform.web.security.AuthenticatedUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service that uses platform-web the way every Dingus service does. */
@SpringBootApplication
public class WebTestApplication {

    record Greeting(@NotBlank @Size(max = 10) String name, int count) {}

    @RestController
    static class Endpoints {
        private final JdbcClient jdbc;

        Endpoints(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        /** Text that reached PostgreSQL without input validation, as a service's forgotten field would. */
        @GetMapping("/api/v1/store/{kind}")
        String store(@PathVariable String kind) {
            return switch (kind) {
                case "nul" -> jdbc.sql("select ?::text").param("a\u0000b").query(String.class).single();
                case "untranslatable" -> jdbc.sql("select convert_to(?, 'LATIN1')::text").param("price: 5 \u20ac")
                        .query(String.class).single();
                default -> jdbc.sql("select no_such_column from pg_class").query(String.class).single();
            };
        }

        @PostMapping("/api/v1/echo")
        Greeting echo(@Valid @RequestBody Greeting greeting) {
            return greeting;
        }

        @GetMapping("/api/v1/me")
        AuthenticatedUser me(AuthenticatedUser user) {
            return user;
        }

        @GetMapping("/api/v1/open")
        Map<String, String> open() {
            return Map.of("open", "yes");
        }

        @GetMapping("/api/v1/fail/{kind}")
        void fail(@PathVariable String kind) {
            switch (kind) {
                case "conflict" -> throw ApiException.conflict("thing_taken", "That thing is taken.");
                case "limited" -> throw new RateLimitedException("Slow down.", Duration.ofMillis(2500));
                default -> throw new IllegalStateException("boom: secret internals");
            }
        }

        @GetMapping("/internal/ping")
        Map<String, String> internalPing() {
            return Map.of("pong", "yes");
        }

        /** "/internal" itself is internal too, not only what lies under it. */
        @GetMapping("/internal")
        Map<String, String> internalRoot() {
            return Map.of("pong", "root");
        }

        @GetMapping("/api/v1/status")
        Map<String, Object> status() {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable", "Try later.");
        }
    }
}
