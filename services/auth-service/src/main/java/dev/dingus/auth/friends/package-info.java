/**
 * Friends: requests (mutual requests become a friendship), accept, decline, remove or cancel, and the list
 * of friends with incoming and outgoing requests. Emits {@code friend.requested}, {@code friend.accepted} and
 * {@code friend.removed} through the outbox. Everything lives in {@code internal}: no other feature uses it.
 */
package dev.dingus.auth.friends;
