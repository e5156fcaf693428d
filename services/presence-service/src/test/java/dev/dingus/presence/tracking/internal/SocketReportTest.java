package dev.dingus.presence.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SocketReportTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void readsTheReportAsMessageServicePublishesIt() {
        SocketReport r = JSON.readValue("""
                {"type":"disconnect","userId":"6f1c2a9e-6d35-4a57-9f7e-0a4b8f3e2c11","socketId":"s1","nodeId":"message-1",
                 "at":1767960000123}""", SocketReport.class);
        assertThat(r.isDisconnect()).isTrue();
        assertThat(r.when()).isEqualTo(Instant.parse("2026-01-09T12:00:00.123Z"));
    }

    @Test
    void acceptsAnRfc3339TimeAndToleratesNone() {
        assertThat(JSON.readValue("{\"type\":\"connect\",\"at\":\"2026-01-09T12:00:00.123Z\"}", SocketReport.class).when())
                .isEqualTo(Instant.parse("2026-01-09T12:00:00.123Z"));
        assertThat(JSON.readValue("{\"type\":\"connect\"}", SocketReport.class).when()).isNull();
        assertThat(JSON.readValue("{\"type\":\"connect\",\"at\":\"yesterday\"}", SocketReport.class).when()).isNull();
    }
}
