package dev.dingus.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.testsupport.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A service must come up and serve what needs no Redis while Redis is unreachable; readiness says so. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=web-test-no-redis",
        "spring.data.redis.url=redis://127.0.0.1:1",
        "dingus.security.public-paths=/api/v1/open" })
class StartsWithoutRedisIT {
    @LocalServerPort int port;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "webnoredis");
    }

    @Test
    void servesRequestsAndReportsNotReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        var open = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/open")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(open.statusCode()).isEqualTo(200);
        var readiness = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("\"redis\"");
    }
}
