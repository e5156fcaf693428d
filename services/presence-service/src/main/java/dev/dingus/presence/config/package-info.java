/** Application-wide wiring: the OpenAPI document, 503 while Redis is away. */
package dev.dingus.presence.config;
