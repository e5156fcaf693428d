package dev.dingus.socketio.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SameOriginTest {

    @Test
    void originNamingTheServersOwnHostIsSameOrigin() {
        assertThat(EngineHttpHandler.sameOrigin("http://127.0.0.1:3013", "127.0.0.1:3013")).isTrue();
        assertThat(EngineHttpHandler.sameOrigin("HTTP://Example.com", "example.com")).isTrue();
    }

    @Test
    void anyOtherOriginIsCrossOrigin() {
        assertThat(EngineHttpHandler.sameOrigin("http://evil.example", "127.0.0.1:3013")).isFalse();
        assertThat(EngineHttpHandler.sameOrigin("http://127.0.0.1:3014", "127.0.0.1:3013")).isFalse();
        assertThat(EngineHttpHandler.sameOrigin("http://127.0.0.1:3013", null)).isFalse();
    }
}
