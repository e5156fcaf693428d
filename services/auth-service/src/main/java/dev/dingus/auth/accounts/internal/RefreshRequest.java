package dev.dingus.auth.accounts.internal;

import io.swagger.v3.oas.annotations.media.Schema;

/** The refresh token in the body; optional when the {@code dingus_refresh} cookie carries it. */
record RefreshRequest(@Schema(description = "Omit to use the dingus_refresh cookie") String refreshToken) {
    @Override
    public String toString() {
        return "RefreshRequest[]";
    }
}
