/**
 * The request id of each request: accepted from {@code X-Request-Id} when sane, made otherwise, passed
 * downstream, returned to the client, and put in the log MDC (and the Reactor context) with an access log line.
 */
package dev.dingus.gateway.requestid;
