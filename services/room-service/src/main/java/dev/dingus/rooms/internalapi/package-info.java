/**
 * Synchronous membership answers for other services ({@code /internal/**}: never routed by the gateway,
 * guarded by the service credential). Consumers that can, rebuild the same from the room events instead.
 */
package dev.dingus.rooms.internalapi;
