package dev.dingus.auth.friends.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dingus.auth.friends}: bounds on what one user can make of the friends feature.
 *
 * @param maxRelations friends and open requests (either way) one user may have; the friends list is one answer
 * @param maxOutgoingRequests requests of one user that wait for an answer: each one notifies somebody
 * @param declineCooldown how long after a decline the requester may not ask the same user again
 */
@ConfigurationProperties("dingus.auth.friends")
record FriendLimits(@DefaultValue("1000") int maxRelations, @DefaultValue("100") int maxOutgoingRequests,
        @DefaultValue("24h") Duration declineCooldown) {}
