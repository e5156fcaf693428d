/**
 * Access tokens: the RSA signing keys (generated and kept in the database for local use, or given by the
 * environment in production), their rotation, the JWKS at {@code /.well-known/jwks.json}, issuing RS256
 * access tokens, and verifying them for this service's own routes without calling itself over HTTP.
 */
package dev.dingus.auth.tokens;
