package dev.dingus.platform.web.security;

import java.util.Arrays;
import org.springframework.core.env.Environment;

/** Refuses to start the {@code prod} profile with the development defaults of shared secrets. */
public final class DevelopmentSecretsGuard {
    public static final String DEV_SERVICE_TOKEN = "dev-service-token-change-me";

    private DevelopmentSecretsGuard() {}

    public static void check(Environment env, String serviceToken) {
        boolean production = Arrays.asList(env.getActiveProfiles()).contains("prod");
        if (production && (serviceToken == null || serviceToken.isBlank() || DEV_SERVICE_TOKEN.equals(serviceToken)
                || serviceToken.length() < 32)) {
            throw new IllegalStateException(
                    "Production refuses the development service credential: set DINGUS_SERVICE_TOKEN to a random secret of 32+ characters.");
        }
    }
}
