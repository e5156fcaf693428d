/**
 * CORS at the edge: the allow-list of origins answers preflights and refuses other origins with problem+json;
 * upstream CORS headers are dropped so that the gateway is the only one speaking CORS.
 */
package dev.dingus.gateway.cors;
