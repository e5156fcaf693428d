package dev.dingus.rooms.core;

import java.util.List;

/** A page of a longer list: {@code page} is 0-based, {@code total} counts every item. */
public record PageView<T>(List<T> items, int page, int size, long total) {}
