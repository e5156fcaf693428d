/**
 * Who the client is: the peer address, or, when the peer is a trusted proxy (the frontend's server, a load
 * balancer), the rightmost X-Forwarded-For hop that is not a trusted proxy. Used for the X-Forwarded-For chain sent
 * upstream and for the per-address rate-limit buckets.
 */
package dev.dingus.gateway.clientaddress;
