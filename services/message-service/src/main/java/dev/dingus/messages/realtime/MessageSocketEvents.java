package dev.dingus.messages.realtime;

import dev.dingus.contracts.realtime.SocketEvents;
import dev.dingus.messages.core.MessageView;
import dev.dingus.messages.messaging.MessageService;
import dev.dingus.socketio.Socket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * {@code send_message}, {@code edit_message}, {@code delete_message}. A send is checked and queued at once
 * (the socket's next event is not held up by the database); its ack follows the commit.
 */
@Component
class MessageSocketEvents implements SocketEventGroup {
    private final MessageService messages;

    MessageSocketEvents(MessageService messages) {
        this.messages = messages;
    }

    @Override
    public void register(Socket socket) {
        SocketEventGroup.on(socket, SocketEvents.SEND_MESSAGE, (s, user, args, ack) -> {
            Payload p = Payload.of(args, SocketEvents.SEND_MESSAGE);
            UUID roomId = p.uuid("room_id", "roomId");
            String content = p.optionalString("content");
            String clientMsgId = p.optionalString("clientMsgId");
            if (clientMsgId == null) {
                clientMsgId = p.optionalString("client_msg_id");
            }
            messages.send(user, roomId, content, clientMsgId).whenComplete((result, failure) -> {
                if (failure != null) {
                    SocketErrors.answer(ack, SocketEvents.SEND_MESSAGE, failure);
                } else {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("success", true);
                    answer.put("message", result.messageForAnswer());
                    answer.put("duplicate", result.duplicate());
                    ack.send(answer);
                }
            });
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
