package dev.dingus.rooms.users.internal;

import dev.dingus.contracts.errors.ErrorCodes;
import dev.dingus.contracts.security.ServiceAuth;
import dev.dingus.platform.web.config.DingusProperties;
import dev.dingus.platform.web.errors.ApiException;
import java.net.http.HttpClient;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * auth-service's {@code GET /internal/users/{id}} with the service credential: 200 = the user exists (its
 * {@code username} is kept), 404 = no such user. Anything else means we cannot tell right now (503).
 */
@Component
public class AuthUsersClient {
    private static final Logger log = LoggerFactory.getLogger(AuthUsersClient.class);

    private final RestClient http;
    private final String serviceToken;

    public AuthUsersClient(RestClient.Builder builder, AuthUsersProperties props, DingusProperties dingus) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(props.authTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(props.authTimeout());
        this.http = builder.clone().baseUrl(props.authUrl().toString()).requestFactory(requests).build();
        this.serviceToken = dingus.security().serviceToken();
    }

    /** The username of an existing user, empty when auth-service says there is no such user. */
    public Optional<String> lookup(UUID userId) {
        try {
            return http.get().uri("/internal/users/{id}", userId)
                    .header(ServiceAuth.HEADER, serviceToken)
                    .accept(MediaType.APPLICATION_JSON)
                    .exchange((request, response) -> {
                        if (response.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                            return Optional.<String>empty();
                        }
                        if (!response.getStatusCode().is2xxSuccessful()) {
                            throw unavailable("auth-service answered " + response.getStatusCode().value());
                        }
                        JsonNode user = response.bodyTo(JsonNode.class);
                        JsonNode username = user == null ? null : user.get("username");
                        return Optional.of(username == null || username.isNull() ? "" : username.asString());
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
