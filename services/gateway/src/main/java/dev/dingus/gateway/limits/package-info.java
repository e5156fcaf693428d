/** Bounds on what a request may send through the gateway: the body size limit. */
package dev.dingus.gateway.limits;
