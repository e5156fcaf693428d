package dev.dingus.messages.realtime;

import dev.dingus.contracts.realtime.SocketEvents;
import dev.dingus.messages.core.MessageView;
import dev.dingus.messages.messaging.MessageService;
import dev.dingus.messages.messaging.SendResult;
import dev.dingus.socketio.Ack;
import dev.dingus.socketio.Args;
import dev.dingus.socketio.Socket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * {@code send_message}, {@code edit_message}, {@code delete_message}. A send is checked and queued at once
 * (the socket's next event is not held up by the database), on the event loop when the sender's membership is
 * in memory; its ack follows the commit.
 */
@Component
class MessageSocketEvents implements SocketEventGroup {
    private final MessageService messages;

    MessageSocketEvents(MessageService messages) {
        this.messages = messages;
    }

    /** What {@code send_message} carries; the legacy snake_case names are accepted too. */
    private record SendArgs(UUID roomId, String content, String clientMsgId) {
        static SendArgs of(Args args) {
            Payload p = Payload.of(args, SocketEvents.SEND_MESSAGE);
            String clientMsgId = p.optionalString("clientMsgId");
            return new SendArgs(p.uuid("room_id", "roomId"), p.optionalString("content"),
                    clientMsgId != null ? clientMsgId : p.optionalString("client_msg_id"));
        }
    }

    private static void answerWhenStored(CompletableFuture<SendResult> result, Ack ack) {
        result.whenComplete((sent, failure) -> {
            if (failure != null) {
                SocketErrors.answer(ack, SocketEvents.SEND_MESSAGE, failure);
            } else {
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("success", true);
                answer.put("message", sent.messageForAnswer());
                answer.put("duplicate", sent.duplicate());
                ack.send(answer);
            }
        });
    }

    @Override
    public void register(Socket socket) {
        // Most sends come from members whose membership is in memory: checked and queued on the event loop,
        // without a hand-off to a handler thread. The others are looked up on the handler executor.
        SocketEventGroup.onInline(socket, SocketEvents.SEND_MESSAGE, (s, user, args, ack) -> {
            SendArgs send = SendArgs.of(args);
            Optional<CompletableFuture<SendResult>> queued =
                    messages.sendWithoutBlocking(user, send.roomId(), send.content(), send.clientMsgId());
            queued.ifPresent(result -> answerWhenStored(result, ack));
            return queued.isPresent();
        });
        SocketEventGroup.on(socket, SocketEvents.SEND_MESSAGE, (s, user, args, ack) -> {
            SendArgs send = SendArgs.of(args);
            answerWhenStored(messages.send(user, send.roomId(), send.content(), send.clientMsgId()), ack);
        });
        SocketEventGroup.on(socket, SocketEvents.EDIT_MESSAGE, (s, user, args, ack) -> {
            Payload p = Payload.of(args, SocketEvents.EDIT_MESSAGE);
            MessageView edited = messages.edit(user, p.uuid("messageId", "message_id"), p.optionalString("content"));
            ack.send(Map.of("success", true, "message", edited));
        });
        SocketEventGroup.on(socket, SocketEvents.DELETE_MESSAGE, (s, user, args, ack) -> {
            Payload p = Payload.of(args, SocketEvents.DELETE_MESSAGE);
            MessageView tombstone = messages.delete(user, p.uuid("messageId", "message_id"));
            ack.send(Map.of("success", true, "message", tombstone));
        });
    }
}
