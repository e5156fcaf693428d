package dev.dingus.rooms.core;

/** Paging bounds shared by every list ({@code page} 0-based, {@code size} 1..100, default 20). */
public final class Paging {
    private Paging() {}

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Deep pages cost a long scan; nobody pages through more than this many items by hand. */
    public static final int MAX_PAGE = 10_000;
}
