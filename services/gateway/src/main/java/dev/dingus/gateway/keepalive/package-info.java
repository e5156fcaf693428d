/** Keeps HTTP/1.1 keep-alive connections to the gateway reading (a reactor-netty workaround). */
package dev.dingus.gateway.keepalive;
