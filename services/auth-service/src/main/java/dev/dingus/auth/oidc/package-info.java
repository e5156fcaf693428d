/**
 * External sign-in: verifies a token from a configured OpenID Connect provider (an id token against the issuer's
 * published keys, or, for providers without id tokens such as GitHub, an access token at their userinfo endpoint)
 * and says who it names. Linking that identity to an account is the accounts feature's business.
 */
package dev.dingus.auth.oidc;
