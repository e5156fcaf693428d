package dev.dingus.contracts.realtime;

/** The catalogue of Socket.IO event names (ARCHITECTURE §5; mirrored by the frontend in one TypeScript file). */
public final class SocketEvents {
    private SocketEvents() {}

    // client → server
    public static final String AUTHENTICATE = "authenticate";
    public static final String JOIN_ROOM = "join_room";
    public static final String LEAVE_ROOM = "leave_room";
    public static final String SEND_MESSAGE = "send_message";
    public static final String EDIT_MESSAGE = "edit_message";
    public static final String DELETE_MESSAGE = "delete_message";
    public static final String TYPING = "typing";
    public static final String STOP_TYPING = "stop_typing";
    public static final String MARK_READ = "mark_read";
    public static final String SYNC = "sync";

    // server → client
    public static final String AUTHENTICATED = "authenticated";
    public static final String ROOM_JOINED = "room_joined";
    public static final String ROOM_LEFT = "room_left";
    public static final String USER_JOINED = "user_joined";
    public static final String USER_LEFT = "user_left";
    public static final String NEW_MESSAGE = "new_message";
    public static final String MESSAGE_EDITED = "message_edited";
    public static final String MESSAGE_DELETED = "message_deleted";
    public static final String USER_TYPING = "user_typing";
    public static final String USER_STOPPED_TYPING = "user_stopped_typing";
    public static final String MESSAGES_READ = "messages_read";
    public static final String PRESENCE_UPDATE = "presence_update";
    public static final String NOTIFICATION = "notification";
    public static final String ROOM_UPDATED = "room_updated";
    public static final String ROOM_DELETED = "room_deleted";
    public static final String ERROR = "error";

    /** Socket.IO room names every socket of a user / every member socket of a room joins. */
    public static String userTarget(Object userId) { return "user:" + userId; }
    public static String roomTarget(Object roomId) { return "room:" + roomId; }
}
