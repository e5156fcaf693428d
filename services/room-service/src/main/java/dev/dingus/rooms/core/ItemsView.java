package dev.dingus.rooms.core;

import java.util.List;

/** A complete (bounded) list. */
public record ItemsView<T>(List<T> items) {}
