package dev.dingus.notifications.alerts.internal;

import dev.dingus.notifications.core.NotificationsProperties;
import dev.dingus.notifications.directory.Directory;
import dev.dingus.platform.web.security.AuthenticatedUser;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Who is an admin of the whole system (docs/adr/0011-system-admins.md): the users listed in
 * {@code DINGUS_SYSTEM_ADMINS} by id or username, plus the first user who registered unless turned off.
 */
@Component
class SystemAdmins {
    private final Set<UUID> ids;
    private final Set<String> usernames;
    private final boolean firstUserIsAdmin;
    private final Directory directory;

    SystemAdmins(NotificationsProperties props, Directory directory) {
        this.ids = props.systemAdmins().stream().map(SystemAdmins::uuidOrNull).filter(java.util.Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
        this.usernames = props.systemAdmins().stream().filter(s -> uuidOrNull(s) == null)
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.firstUserIsAdmin = props.firstUserIsAdmin();
        this.directory = directory;
    }

    boolean isAdmin(AuthenticatedUser user) {
        if (ids.contains(user.id())) {
            return true;
        }
        if (user.username() != null && usernames.contains(user.username().toLowerCase(Locale.ROOT))) {
            return true;
        }
        return firstUserIsAdmin && directory.firstRegisteredUser().map(user.id()::equals).orElse(false);
    }

    private static UUID uuidOrNull(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
