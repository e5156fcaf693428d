/**
 * auth-service: identity and tokens (ARCHITECTURE §5). Features: {@code accounts} (register, login, profile,
 * password, search), {@code sessions} (refresh tokens, logout, revocation), {@code tokens} (signing keys, JWKS,
 * access tokens), {@code friends}, {@code throttling} (login limits). Each feature keeps its public types at
 * its root and the rest in {@code internal}.
 */
package dev.dingus.auth;
