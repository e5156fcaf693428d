package dev.dingus.messages.messaging;

import dev.dingus.messages.core.MessageErrors;
import dev.dingus.messages.core.MessageView;
import dev.dingus.platform.web.errors.ApiException;
import dev.dingus.platform.web.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "messages")
public class MessageController {
    /** A send waits for its commit; beyond this the client hears "try again" (a resend with its clientMsgId is safe). */
    private static final long SEND_TIMEOUT_SECONDS = 15;

    private final MessageService messages;

    MessageController(MessageService messages) {
        this.messages = messages;
    }

    @GetMapping("/api/v1/rooms/{roomId}/messages")
    @Operation(summary = "A page of history, ascending by seq: the latest, before beforeSeq, or after afterSeq (limit ≤ 100, default 50)")
    @ApiResponse(responseCode = "200", description = "The page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = HistoryPage.class)))
    public ResponseEntity<byte[]> history(AuthenticatedUser user, @PathVariable UUID roomId,
            @RequestParam(required = false) Long beforeSeq, @RequestParam(required = false) Long afterSeq,
            @RequestParam(required = false) Integer limit) {
        // Bytes, not a HistoryPage: the service writes the JSON itself (see HistoryJson).
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(messages.historyJson(user.id(), roomId, beforeSeq, afterSeq, limit));
    }

    @PostMapping("/api/v1/rooms/{roomId}/messages")
    @Operation(summary = "Send a message; 201 when stored now, 200 with the original for a resend with the same clientMsgId")
    public ResponseEntity<MessageView> send(AuthenticatedUser user, @PathVariable UUID roomId,
            @RequestBody SendMessageRequest body) {
        try {
            SendResult result = messages.send(user, roomId, body.content(), body.clientMsgId())
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return ResponseEntity.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(result.message());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            throw MessageErrors.storageUnavailable();
        } catch (TimeoutException e) {
            throw MessageErrors.busy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MessageErrors.busy();
        }
    }

    @PatchMapping("/api/v1/messages/{id}")
    @Operation(summary = "Edit my message")
    public MessageView edit(AuthenticatedUser user, @PathVariable UUID id, @RequestBody EditMessageRequest body) {
        return messages.edit(user, id, body.content());
    }

    @DeleteMapping("/api/v1/messages/{id}")
    @Operation(summary = "Delete a message (its sender, or the room's owner and admins); a tombstone keeps its seq")
    public ResponseEntity<Void> delete(AuthenticatedUser user, @PathVariable UUID id) {
        messages.delete(user, id);
        return ResponseEntity.noContent().build();
    }
}
