package dev.dingus.auth.tokens;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.dingus.auth.tokens.internal.RsaKeyMaterial;
import dev.dingus.auth.tokens.internal.SigningKeyRepository;
import dev.dingus.auth.tokens.internal.StoredKey;
import dev.dingus.platform.web.config.DingusProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The RSA keys behind access tokens. One key signs; keys retired by a rotation stay published (JWKS and this
 * service's own verification) until every token they signed has expired.
 *
 * <p>Locally the key is generated on first start and kept in the database, so restarts and several instances
 * share it. In production ({@code prod} profile) it must come from the environment; deploying a new key id
 * retires the previous one the same way a rotation does.
 */
@Component
public class SigningKeys {
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final Duration PUBLISHED_CACHE = Duration.ofSeconds(5);
    private static final Duration MIN_FORCED_RELOAD_GAP = Duration.ofSeconds(1);
    private static final DateTimeFormatter KID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private final SigningKeyRepository repository;
    private final TransactionOperations tx;
    private final KeyProperties props;
    private final Duration accessTokenTtl;
    private final boolean production;
    private final Clock clock;

    private volatile Active active;
    private volatile Published published = new Published(new JWKSet(), Instant.EPOCH);
    private volatile Instant lastForcedReload = Instant.EPOCH;

    /** The key that signs now, with an encoder bound to it (so a concurrent rotation cannot mix them up). */
    record Active(String kid, RSAKey key, JwtEncoder encoder) {}

    private record Published(JWKSet keys, Instant loadedAt) {}

    @Autowired
    public SigningKeys(SigningKeyRepository repository, TransactionOperations tx, KeyProperties props,
            DingusProperties dingus, Environment env) {
        this(repository, tx, props, dingus.security().accessTokenTtl(),
                Arrays.asList(env.getActiveProfiles()).contains("prod"), Clock.systemUTC());
    }

    SigningKeys(SigningKeyRepository repository, TransactionOperations tx, KeyProperties props, Duration accessTokenTtl,
            boolean production, Clock clock) {
        this.repository = repository;
        this.tx = tx;
        this.props = props;
        this.accessTokenTtl = accessTokenTtl;
        this.production = production;
        this.clock = clock;
        initialize();
    }

    /** The key id that signs new tokens. */
    public String currentKeyId() {
        return active.kid();
    }

    /**
     * Makes a new key the signing key; the previous ones stay published until their tokens have expired.
     * Only for keys this service generates: production keys rotate by deploying a new key and key id.
     */
    public String rotate() {
        if (props.fromEnvironment()) {
            throw new IllegalStateException("The signing key comes from the environment: rotate it by deploying a new "
                    + "DINGUS_JWT_PRIVATE_KEY with a new DINGUS_JWT_KEY_ID");
        }
        Active next = tx.execute(status -> {
            repository.lock();
            return generateLocked();
        });
        activate(next);
        log.info("Signing key rotated: {} signs from now on", next.kid());
        return next.kid();
    }

    /**
     * Public parts of every key whose tokens may still be valid, newest first, read from the key table now: what
     * the JWKS endpoint serves, so a rotation by another instance is visible at once.
     */
    public JWKSet currentlyPublishedKeys() {
        return reloadPublished().keys();
    }

    /** Like {@link #currentlyPublishedKeys()}, but cached for a few seconds: for verifying every request. */
    public JWKSet publishedKeys() {
        Published current = published;
        if (current.loadedAt().plus(PUBLISHED_CACHE).isBefore(clock.instant())) {
            current = reloadPublished();
        }
        return current.keys();
    }

    /**
     * Re-reads the published keys now (at most once a second), for a token whose key id is unknown here:
     * another instance may have rotated. Returns whether it re-read.
     */
    public boolean reloadForUnknownKey() {
        Instant now = clock.instant();
        if (lastForcedReload.plus(MIN_FORCED_RELOAD_GAP).isAfter(now)) {
            return false;
        }
        lastForcedReload = now;
        reloadPublished();
        return true;
    }

    /** Adopts a key another instance rotated to (local mode), so all instances sign with the newest key. */
    @Scheduled(fixedDelayString = "${dingus.auth.keys.refresh-interval:30s}", initialDelayString = "${dingus.auth.keys.refresh-interval:30s}")
    public void followRotations() {
        if (props.fromEnvironment()) {
            return;
        }
        try {
            repository.newestSigningKey()
                    .filter(newest -> !newest.kid().equals(active.kid()) && newest.createdAt().isAfter(createdAtOfActive()))
                    .ifPresent(newest -> {
                        activate(activeOf(newest.key()));
                        log.info("Signing key {} adopted (rotated by another instance)", newest.kid());
                    });
        } catch (RuntimeException e) {
            log.warn("Could not check for a rotated signing key: {}", e.getMessage());
        }
    }

    Active active() {
        return active;
    }

    private void initialize() {
        Active initial = tx.execute(status -> {
            repository.lock();
            if (props.fromEnvironment()) {
                return fromEnvironmentLocked();
            }
            if (production) {
                throw new IllegalStateException("Production does not generate signing keys: set DINGUS_JWT_PRIVATE_KEY "
                        + "(RSA private key, PEM) and DINGUS_JWT_KEY_ID");
            }
            Optional<StoredKey> stored = repository.newestSigningKey();
            if (stored.isEmpty() || props.rotateOnStart()) {
                Active generated = generateLocked();
                log.info(stored.isEmpty() ? "Signing key {} generated and stored" : "Signing key rotated at start: {} signs from now on",
                        generated.kid());
                return generated;
            }
            return activeOf(stored.get().key());
        });
        activate(initial);
    }

    private Active fromEnvironmentLocked() {
        if (props.keyId() == null || props.keyId().isBlank()) {
            throw new IllegalStateException("DINGUS_JWT_PRIVATE_KEY is set but DINGUS_JWT_KEY_ID is not: give the key an id");
        }
        RSAKey key = RsaKeyMaterial.fromPem(props.privateKey(), props.keyId().trim());
        Optional<StoredKey> known = repository.find(key.getKeyID());
        if (known.isPresent() && !known.get().key().toPublicJWK().equals(key.toPublicJWK())) {
            throw new IllegalStateException("Key id " + key.getKeyID() + " was used before for another key: give the new key a new id");
        }
        Instant now = clock.instant();
        if (known.isEmpty()) {
            repository.insert(new StoredKey(key.getKeyID(), key, StoredKey.Source.ENVIRONMENT, now, null));
        }
        // A newly deployed key retires the previous one; it stays published until its tokens expired.
        repository.retireAllExcept(key.getKeyID(), now);
        repository.deleteRetiredBefore(publicationCutoff(now));
        return activeOf(key);
    }

    private Active generateLocked() {
        Instant now = clock.instant();
        String kid = "dingus-" + KID_TIME.format(now) + "-" + UUID.randomUUID().toString().substring(0, 8);
        RSAKey key = RsaKeyMaterial.generate(kid);
        repository.insert(new StoredKey(kid, key, StoredKey.Source.GENERATED, now, null));
        repository.retireAllExcept(kid, now);
        repository.deleteRetiredBefore(publicationCutoff(now));
        return activeOf(key);
    }

    private void activate(Active next) {
        active = next;
        reloadPublished();
    }

    private Published reloadPublished() {
        Instant now = clock.instant();
        try {
            List<JWK> keys = repository.publishable(publicationCutoff(now)).stream()
                    .map(stored -> (JWK) stored.key().toPublicJWK()).toList();
            published = new Published(withActive(keys), now);
        } catch (RuntimeException e) {
            // The database is unreachable: keep serving what we know, including the key that signs now.
            log.warn("Could not reload the published signing keys: {}", e.getMessage());
            published = new Published(withActive(published.keys().getKeys()), now);
        }
        return published;
    }

    private JWKSet withActive(List<JWK> keys) {
        Active current = active;
        if (current == null || keys.stream().anyMatch(k -> current.kid().equals(k.getKeyID()))) {
            return new JWKSet(keys);
        }
        return new JWKSet(java.util.stream.Stream.concat(java.util.stream.Stream.of((JWK) current.key().toPublicJWK()),
                keys.stream()).toList());
    }

    /** Tokens signed by a key retired before this instant have all expired. */
    private Instant publicationCutoff(Instant now) {
        return now.minus(accessTokenTtl).minus(props.retiredGrace());
    }

    private Instant createdAtOfActive() {
        return repository.find(active.kid()).map(StoredKey::createdAt).orElse(Instant.EPOCH);
    }

    private static Active activeOf(RSAKey key) {
        return new Active(key.getKeyID(), key, new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key))));
    }
}
