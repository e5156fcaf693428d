package dev.dingus.platform.web.errors;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem+json answer from filters and security handlers, which run outside Spring MVC's advice. */
public final class ProblemWriter {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemWriter() {}

    /** The RFC 9457 members first, then the extension members flattened beside them (as Spring MVC renders it). */
    public static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        if (problem.getDetail() != null) body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) body.put("instance", problem.getInstance().toString());
        if (problem.getProperties() != null) body.putAll(problem.getProperties());
        return body;
    }

    public static void write(HttpServletResponse response, HttpStatusCode status, String code, String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        ProblemDetail problem = Problems.of(status, code, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), asMap(problem));
    }
}
