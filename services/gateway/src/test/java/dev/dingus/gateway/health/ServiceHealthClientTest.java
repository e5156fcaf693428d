package dev.dingus.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceHealthClientTest {

    @Test
    void onlyA2xxSayingUpIsUp() {
        assertThat(ServiceHealthClient.answer("u", 200, "UP")).isEqualTo(new HealthReport.ServiceHealth("UP", "u", null));
        assertThat(ServiceHealthClient.answer("u", 200, "UNKNOWN").status()).isEqualTo("DOWN");
        assertThat(ServiceHealthClient.answer("u", 500, "UP").status()).isEqualTo("DOWN");
    }

    @Test
    void theStatusAServiceReportsIsKept() {
        HealthReport.ServiceHealth outOfService = ServiceHealthClient.answer("u", 503, "OUT_OF_SERVICE");
        assertThat(outOfService.status()).isEqualTo("OUT_OF_SERVICE");
        assertThat(outOfService.error()).isEqualTo("readiness answered 503");
    }
}
