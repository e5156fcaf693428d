package dev.dingus.messages.messaging;

import dev.dingus.messages.core.MessageView;

/** A stored send: the message, and whether this was a resend of one stored before (nothing new was created). */
public record SendResult(MessageView message, boolean duplicate) {}
