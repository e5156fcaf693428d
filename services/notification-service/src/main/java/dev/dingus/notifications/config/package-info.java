/** Application-wide wiring: the OpenAPI document. */
package dev.dingus.notifications.config;
