/** Live delivery: each stored notification goes as {@code notification} to {@code user:<recipient>} through the Redis fan-out, after the commit. */
package dev.dingus.notifications.delivery;
