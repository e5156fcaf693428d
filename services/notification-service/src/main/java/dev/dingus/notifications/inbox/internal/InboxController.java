package dev.dingus.notifications.inbox.internal;

import dev.dingus.notifications.core.Limits;
import dev.dingus.notifications.core.NotificationView;
import dev.dingus.notifications.core.PageView;
import dev.dingus.notifications.inbox.UnreadCount;
import dev.dingus.platform.web.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "notifications")
class InboxController {
    private final Notifications notifications;

    InboxController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(summary = "My notifications, newest first, with my unread count")
    public PageView<NotificationView> list(AuthenticatedUser caller,
            @Parameter(description = "true: only unread ones") @RequestParam(defaultValue = "false") boolean unreadOnly,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Limits.MAX_PAGE) int page,
            @RequestParam(defaultValue = "" + Limits.DEFAULT_PAGE_SIZE) @Min(1) @Max(Limits.MAX_PAGE_SIZE) int size) {
        return notifications.page(caller.id(), unreadOnly, page, size);
    }

    @GetMapping("/unread-count")
    @Operation(summary = "How many of my notifications are unread")
    public UnreadCount unreadCount(AuthenticatedUser caller) {
        return new UnreadCount(notifications.unread(caller.id()));
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark one of my notifications read (idempotent; 404 notification_not_found if not mine)")
    public void markRead(AuthenticatedUser caller, @PathVariable UUID id) {
        notifications.markRead(caller.id(), id);
    }

    @PostMapping("/read-all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark all my notifications read")
    public void markAllRead(AuthenticatedUser caller) {
        notifications.markAllRead(caller.id());
    }
}
