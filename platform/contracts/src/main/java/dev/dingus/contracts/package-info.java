/**
 * Contracts shared between Dingus services: stable error codes, event types and payload records,
 * Socket.IO event names, shared Redis names. Records and constants only, no logic.
 */
package dev.dingus.contracts;
