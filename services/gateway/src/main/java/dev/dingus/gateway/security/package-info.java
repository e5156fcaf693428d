/**
 * JWT validation at the edge for every {@code /api/v1} route but the public ones: RS256 tokens from the
 * auth-service JWKS, issuer, expiry, required claims, and sessions revoked on logout (a local set fed by Redis
 * pub/sub plus a reactive EXISTS). Failures answer 401 problem+json telling missing, expired, revoked and invalid
 * tokens apart.
 */
package dev.dingus.gateway.security;
