package dev.dingus.gateway.cors;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Drops the CORS headers of upstream answers: the edge already set its own, and a second
 * {@code Access-Control-Allow-Origin} makes a browser reject the answer.
 */
@Component
public class UpstreamCorsHeadersFilter implements HttpHeadersFilter {

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders output = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!name.regionMatches(true, 0, "Access-Control-", 0, "Access-Control-".length())) {
                output.addAll(name, values);
            }
        });
        return output;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.RESPONSE;
    }
}
