package dev.dingus.auth.accounts.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code bcryptStrength}: BCrypt's log2 cost (10 ≈ 60-100 ms per hash on a small machine). */
@ConfigurationProperties("dingus.auth.passwords")
public record PasswordProperties(int bcryptStrength) {
    public PasswordProperties {
        if (bcryptStrength == 0) bcryptStrength = 10;
        if (bcryptStrength < 4 || bcryptStrength > 31) {
            throw new IllegalArgumentException("dingus.auth.passwords.bcrypt-strength must be between 4 and 31");
        }
    }
}
