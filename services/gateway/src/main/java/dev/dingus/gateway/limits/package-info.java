/** Bounds on what a request may send through the gateway: the body size limit and the size of its head. */
package dev.dingus.gateway.limits;
