/**
 * Accounts: registration, login by username or email, the owner's profile and password, user lookup and
 * search, and the {@code /api/v1/auth} endpoints that combine accounts with sessions and tokens. Emits
 * {@code user.registered} and {@code user.updated} through the outbox.
 */
package dev.dingus.auth.accounts;
