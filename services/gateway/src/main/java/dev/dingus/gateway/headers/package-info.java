/** Security headers on every answer of the gateway, whoever produced the body. */
package dev.dingus.gateway.headers;
