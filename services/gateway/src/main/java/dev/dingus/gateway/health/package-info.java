/** {@code GET /health}: the readiness of every Dingus service, asked concurrently, in one answer. */
package dev.dingus.gateway.health;
