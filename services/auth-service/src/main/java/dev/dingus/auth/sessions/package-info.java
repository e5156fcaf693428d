/**
 * Sessions: one per login, named by the {@code sid} of its access tokens. Owns the refresh tokens (opaque,
 * stored as SHA-256, rotated on every use; reuse of a spent one ends the session), the refresh cookie, and
 * revocation: a revoked session is published through {@code RevokedSessions} so every service refuses its
 * access tokens within a second (retried until Redis took it).
 */
package dev.dingus.auth.sessions;
