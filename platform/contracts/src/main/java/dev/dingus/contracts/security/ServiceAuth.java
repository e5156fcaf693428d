package dev.dingus.contracts.security;

/** Service-to-service calls to {@code /internal/**} carry this header with the shared service credential. */
public final class ServiceAuth {
    private ServiceAuth() {}

    public static final String HEADER = "X-Dingus-Service-Token";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
}
