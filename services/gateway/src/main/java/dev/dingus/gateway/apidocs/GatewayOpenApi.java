package dev.dingus.gateway.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway's own document (its /health) next to the services' documents in the Swagger UI. */
@Configuration(proxyBeanMethods = false)
class GatewayOpenApi {

    @Bean
    OpenAPI gatewayDocument() {
        return new OpenAPI().info(new Info().title("Dingus gateway").version("v1")
                .description("Edge of Dingus: routes /api/v1 to the services (see their documents in this UI), "
                        + "checks access tokens, limits rates and reports the health of every service."));
    }
}
