/** Wiring of infrastructure: Redis client behaviour, settings, OpenAPI description. */
package dev.dingus.messages.config;
