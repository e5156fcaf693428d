/**
 * System alerts: a system admin (configured list plus the first registered user, docs/adr/0011) sends one to
 * everyone or to one room; it is recorded and published as {@code system.alert} in one transaction, and its
 * consumer writes the recipients' notifications in bounded batches.
 */
package dev.dingus.notifications.alerts;
