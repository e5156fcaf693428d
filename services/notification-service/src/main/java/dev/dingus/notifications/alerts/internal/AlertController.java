package dev.dingus.notifications.alerts.internal;

import dev.dingus.notifications.alerts.AlertAccepted;
import dev.dingus.notifications.alerts.AlertRequest;
import dev.dingus.platform.web.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "notifications")
class AlertController {
    private final SystemAlerts alerts;

    AlertController(SystemAlerts alerts) {
        this.alerts = alerts;
    }

    @PostMapping("/api/v1/notifications/system-alerts")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a system alert to everyone or to one room's members (system admins only, else 403 forbidden)")
    public AlertAccepted send(AuthenticatedUser caller, @Valid @RequestBody AlertRequest request) {
        return new AlertAccepted(alerts.send(caller, request));
    }
}
