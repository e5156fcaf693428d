/** The gateway's one error shape: RFC 9457 problem+json with a stable {@code code}, for every failure at the edge. */
package dev.dingus.gateway.errors;
