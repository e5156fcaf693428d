package dev.dingus.contracts.events;

/**
 * Event types published on the topic exchange {@code dingus.events}; the type is also the routing key.
 * Payload records live next to this class, one per type.
 */
public final class EventTypes {
    private EventTypes() {}

    public static final String EXCHANGE = "dingus.events";

    public static final String USER_REGISTERED = "user.registered";
    public static final String USER_UPDATED = "user.updated";
    public static final String FRIEND_REQUESTED = "friend.requested";
    public static final String FRIEND_ACCEPTED = "friend.accepted";
    public static final String FRIEND_REMOVED = "friend.removed";

    public static final String ROOM_CREATED = "room.created";
    public static final String ROOM_UPDATED = "room.updated";
    public static final String ROOM_DELETED = "room.deleted";
    public static final String ROOM_MEMBER_ADDED = "room.member.added";
    public static final String ROOM_MEMBER_REMOVED = "room.member.removed";
    public static final String ROOM_MEMBER_ROLE_CHANGED = "room.member.role_changed";

    public static final String MESSAGE_CREATED = "message.created";
    public static final String MESSAGE_EDITED = "message.edited";
    public static final String MESSAGE_DELETED = "message.deleted";
    public static final String MESSAGE_READ = "message.read";

    public static final String PRESENCE_CHANGED = "presence.changed";

    public static final String SYSTEM_ALERT = "system.alert";

    /**
     * AMQP headers of {@code message.created} (besides the envelope, which is unchanged): the room's kind and
     * whether anyone is mentioned, so that a consumer can subscribe to a subset (a headers exchange behind its
     * binding) and the broker drops the rest instead of storing and delivering them.
     */
    public static final String HEADER_ROOM_KIND = "dingus-room-kind";
    public static final String HEADER_HAS_MENTIONS = "dingus-has-mentions";
}
