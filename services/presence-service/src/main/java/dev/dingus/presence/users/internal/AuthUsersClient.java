package dev.dingus.presence.users.internal;

import dev.dingus.contracts.errors.ErrorCodes;
import dev.dingus.contracts.security.ServiceAuth;
import dev.dingus.platform.web.config.DingusProperties;
import dev.dingus.platform.web.errors.ApiException;
import dev.dingus.presence.core.PresenceProperties;
import java.net.http.HttpClient;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * auth-service's {@code GET /internal/users/{id}} with the service credential: 200 = the user exists, 404 =
 * no such user; anything else means we cannot tell right now (503).
 */
@Component
public class AuthUsersClient {
    private static final Logger log = LoggerFactory.getLogger(AuthUsersClient.class);

    private final RestClient http;
    private final String serviceToken;

    AuthUsersClient(RestClient.Builder builder, PresenceProperties props, DingusProperties dingus) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(props.authTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(props.authTimeout());
        this.http = builder.clone().baseUrl(props.authUrl().toString()).requestFactory(requests).build();
        this.serviceToken = dingus.security().serviceToken();
    }

    public boolean exists(UUID userId) {
        try {
            return http.get().uri("/internal/users/{id}", userId)
                    .header(ServiceAuth.HEADER, serviceToken)
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        if (status == HttpStatus.NOT_FOUND.value()) {
                            return false;
                        }
                        if (!response.getStatusCode().is2xxSuccessful()) {
                            throw unavailable("auth-service answered " + status);
                        }
                        return true;
                    });
        } catch (RestClientException e) {
            throw unavailable(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static ApiException unavailable(String why) {
        log.warn("Cannot ask auth-service whether a user exists: {}", why);
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
                "Cannot check that user right now; try again shortly.");
    }
}
