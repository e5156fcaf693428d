/**
 * What every Dingus HTTP service shares: one problem+json error model, JWT validation from the auth
 * service's JWKS with revoked-session checks, the service credential for {@code /internal/**}, request ids
 * in logs, body size limits, security headers, CORS and the common defaults ({@code dingus-defaults.yml}).
 */
package dev.dingus.platform.web;
