package dev.dingus.gateway.apidocs;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.rewrite.ModifyResponseBodyGatewayFilterFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code OpenApiServers} route filter: a service's document names the service's own address as its server, which
 * a browser cannot call (other origin, and no edge checks). Swagger UI's "Try it out" must go through the
 * gateway, so the servers become the one relative server "/". Anything that is not a JSON object passes as is.
 */
@Component
public class OpenApiServersGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ModifyResponseBodyGatewayFilterFactory modifyBody;

    public OpenApiServersGatewayFilterFactory(ModifyResponseBodyGatewayFilterFactory modifyBody) {
        super(Object.class);
        this.modifyBody = modifyBody;
    }

    @Override
    public GatewayFilter apply(Object config) {
        return modifyBody.apply(new ModifyResponseBodyGatewayFilterFactory.Config()
                .setRewriteFunction(String.class, String.class, (exchange, body) -> Mono.justOrEmpty(throughGateway(body))));
    }

    static String throughGateway(String document) {
        if (document == null || document.isBlank()) {
            return document;
        }
        try {
            JsonNode root = JSON.readTree(document);
            if (!(root instanceof ObjectNode object) || !object.has("openapi")) {
                return document;
            }
            object.putArray("servers").addObject().put("url", "/").put("description", "Dingus gateway");
            return JSON.writeValueAsString(object);
        } catch (RuntimeException notJson) {
            return document;
        }
    }
}
