package dev.dingus.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document lists the endpoints and states the field limits clients must respect. */
class OpenApiIT extends AbstractAuthIT {

    @Test
    void theDocumentStatesTheEndpointsAndLimits() {
        Http.Response response = http().get("/v3/api-docs", null);
        assertThat(response.status()).isEqualTo(200);
        JsonNode doc = response.json();

        assertThat(doc.get("paths").propertyNames()).contains("/api/v1/auth/register", "/api/v1/auth/login",
                "/api/v1/auth/refresh", "/api/v1/auth/logout", "/api/v1/auth/me", "/.well-known/jwks.json",
                "/api/v1/users/me", "/api/v1/users/me/password", "/api/v1/users", "/api/v1/users/{id}", "/api/v1/users/batch",
                "/api/v1/friends", "/api/v1/friends/requests", "/api/v1/friends/requests/{userId}/accept",
                "/api/v1/friends/requests/{userId}/decline", "/api/v1/friends/{userId}");

        JsonNode schemas = doc.get("components").get("schemas");
        JsonNode register = schemas.get("RegisterRequest").get("properties");
        assertThat(register.get("username").get("minLength").asInt()).isEqualTo(3);
        assertThat(register.get("username").get("maxLength").asInt()).isEqualTo(32);
        assertThat(register.get("username").get("pattern").asString()).isEqualTo("^[A-Za-z0-9_.-]*$");
        assertThat(register.get("password").get("minLength").asInt()).isEqualTo(8);
        assertThat(register.get("password").get("maxLength").asInt()).isEqualTo(128);
        assertThat(register.get("email").get("maxLength").asInt()).isEqualTo(254);
        assertThat(register.get("displayName").get("maxLength").asInt()).isEqualTo(64);
        JsonNode profile = schemas.get("ProfileUpdateRequest").get("properties");
        assertThat(profile.get("avatarUrl").get("maxLength").asInt()).isEqualTo(512);
        assertThat(profile.get("statusText").get("maxLength").asInt()).isEqualTo(140);
        assertThat(schemas.has("User")).isTrue();
        assertThat(schemas.has("AuthResponse")).isTrue();
        assertThat(doc.get("components").get("securitySchemes").get("bearer").get("scheme").asString()).isEqualTo("bearer");
    }
}
