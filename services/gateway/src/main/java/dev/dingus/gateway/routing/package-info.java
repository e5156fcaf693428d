/**
 * What the route table in application.yml cannot say by itself: Socket.IO node stickiness in cluster mode,
 * refusing unrouted paths with a 404 problem, and the X-Forwarded-* headers sent upstream.
 */
package dev.dingus.gateway.routing;
