package dev.dingus.presence.users;

import dev.dingus.contracts.errors.ErrorCodes;
import dev.dingus.platform.web.errors.ApiException;
import dev.dingus.presence.core.PresenceKeys;
import dev.dingus.presence.users.internal.AuthUsersClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/** Answers "does this user exist?" from Redis, asking auth-service only about ids not seen yet. */
@Component
public class KnownUsers {
    private final StringRedisTemplate redis;
    private final PresenceKeys keys;
    private final AuthUsersClient auth;

    KnownUsers(StringRedisTemplate redis, PresenceKeys keys, AuthUsersClient auth) {
        this.redis = redis;
        this.keys = keys;
        this.auth = auth;
    }

    /** 404 {@code user_not_found} unless the user exists (503 when auth-service cannot tell right now). */
    public void requireExists(UUID userId) {
        if (Boolean.TRUE.equals(redis.opsForSet().isMember(keys.knownUsers(), userId.toString()))) {
            return;
        }
        if (!auth.exists(userId)) {
            throw ApiException.notFound(ErrorCodes.USER_NOT_FOUND, "No such user.");
        }
        remember(userId);
    }

    /** The ids among {@code userIds} known here, in their order (no remote lookups: this serves bulk queries). */
    public List<UUID> knownAmong(List<UUID> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        Map<Object, Boolean> member = redis.opsForSet().isMember(keys.knownUsers(),
                userIds.stream().map(UUID::toString).toArray());
        List<UUID> known = new ArrayList<>(userIds.size());
        for (UUID id : userIds) {
            if (member != null && Boolean.TRUE.equals(member.get(id.toString()))) {
                known.add(id);
            }
        }
        return known;
    }

    public void remember(UUID userId) {
        redis.opsForSet().add(keys.knownUsers(), userId.toString());
    }

    public void remember(UUID... userIds) {
        redis.opsForSet().add(keys.knownUsers(), java.util.Arrays.stream(userIds).map(UUID::toString).toArray(String[]::new));
    }
}
