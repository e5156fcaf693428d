package dev.dingus.gateway.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.server.ResponseStatusException;

class ProblemMappingTest {

    @Test
    void aRefusedConnectionIs503NamingTheService() {
        ProblemMapping.Mapped mapped = ProblemMapping.map(new ConnectException("Connection refused"), "room-service");
        assertThat(mapped.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(mapped.code()).isEqualTo("service_unavailable");
        assertThat(mapped.detail()).contains("room-service");
    }

    @Test
    void slowUpstreamsAre504() {
        assertThat(ProblemMapping.map(new ConnectTimeoutException("slow"), "x").status()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(ProblemMapping.map(new RuntimeException(new TimeoutException()), "x").status()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        ProblemMapping.Mapped gatewayTimeout = ProblemMapping.map(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT), "x");
        assertThat(gatewayTimeout.code()).isEqualTo("service_unavailable");
    }

    @Test
    void aBrokenUpstreamAnswerIs502() {
        ProblemMapping.Mapped mapped = ProblemMapping.map(new IOException("Connection prematurely closed"), "x");
        assertThat(mapped.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(mapped.code()).isEqualTo("service_unavailable");
    }

    @Test
    void unreachableSigningKeysAre503NotAnAuthFailure() {
        ProblemMapping.Mapped mapped = ProblemMapping.map(new AuthenticationServiceException("jwks down"), null);
        assertThat(mapped.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(mapped.code()).isEqualTo("service_unavailable");
    }

    @Test
    void statusExceptionsKeepTheirStatusWithTheMatchingCode() {
        assertThat(ProblemMapping.map(new ResponseStatusException(HttpStatus.NOT_FOUND), null).code()).isEqualTo("not_found");
        assertThat(ProblemMapping.map(new ResponseStatusException(HttpStatus.METHOD_NOT_ALLOWED), null).code())
                .isEqualTo("method_not_allowed");
        ProblemMapping.Mapped tooLarge = ProblemMapping.map(
                new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "over 10 bytes"), null);
        assertThat(tooLarge.code()).isEqualTo("payload_too_large");
        assertThat(tooLarge.detail()).isEqualTo("over 10 bytes");
        assertThat(ProblemMapping.map(new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE), null).code())
                .isEqualTo("unsupported_media_type");
    }

    @Test
    void anythingUnexpectedIsA500ProblemNotAStackTrace() {
        ProblemMapping.Mapped mapped = ProblemMapping.map(new IllegalStateException("bug"), "x");
        assertThat(mapped.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(mapped.code()).isEqualTo("internal_error");
        assertThat(mapped.detail()).doesNotContain("bug");
    }
}
