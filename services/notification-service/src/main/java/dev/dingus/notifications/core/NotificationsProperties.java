package dev.dingus.notifications.core;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of {@code dingus.notifications}.
 *
 * @param systemAdmins usernames or user ids of system admins ({@code DINGUS_SYSTEM_ADMINS}, comma-separated)
 * @param firstUserIsAdmin whether the first registered user is a system admin too
 * @param fanOutBatch recipients written per statement when an alert goes to everyone
 * @param maxMutesPerUser the most rooms one user may mute
 * @param maxMentions distinct @names per message that are looked at
 * @param maxPerUser stored notifications kept per recipient; the cleanup deletes the oldest beyond
 * @param retractedRetention how long a deleted or edited message is remembered, so a late created event quotes nothing
 * @param cleanupInterval how often the cleanup runs (cap per recipient, old retractions)
 */
@ConfigurationProperties("dingus.notifications")
public record NotificationsProperties(List<String> systemAdmins, Boolean firstUserIsAdmin, int fanOutBatch,
        int maxMutesPerUser, int maxMentions, int maxPerUser, Duration retractedRetention, Duration cleanupInterval) {
    public NotificationsProperties {
        systemAdmins = systemAdmins == null ? List.of()
                : systemAdmins.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (firstUserIsAdmin == null) firstUserIsAdmin = true;
        if (fanOutBatch <= 0) fanOutBatch = 1000;
        if (maxMutesPerUser <= 0) maxMutesPerUser = 1000;
        if (maxMentions <= 0) maxMentions = 50;
        if (maxPerUser <= 0) maxPerUser = 1000;
        if (retractedRetention == null || !retractedRetention.isPositive()) retractedRetention = Duration.ofDays(7);
        if (cleanupInterval == null || !cleanupInterval.isPositive()) cleanupInterval = Duration.ofHours(1);
    }
}
