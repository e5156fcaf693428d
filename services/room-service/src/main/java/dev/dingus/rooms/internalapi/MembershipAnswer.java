package dev.dingus.rooms.internalapi;

/** Is the user a member, with which role; and the room's kind and post policy, to decide who may post. */
public record MembershipAnswer(boolean member, String role, String kind, String postPolicy) {}
