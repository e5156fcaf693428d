package dev.dingus.messages.reads;

import dev.dingus.platform.web.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "read state")
public class ReadController {
    private final ReadService reads;

    ReadController(ReadService reads) {
        this.reads = reads;
    }

    /** {@code {seq}}. */
    public record MarkReadRequest(Long seq) {}

    @PostMapping("/api/v1/rooms/{roomId}/read")
    @Operation(summary = "I have read the room up to seq (the position only moves forward)")
    public ResponseEntity<Void> markRead(AuthenticatedUser user, @PathVariable UUID roomId, @RequestBody MarkReadRequest body) {
        reads.markRead(user.id(), roomId, body.seq());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/messages/unread")
    @Operation(summary = "Unread counts, read positions and the last message of every room I am in")
    public UnreadView unread(AuthenticatedUser user) {
        return reads.unread(user.id());
    }
}
