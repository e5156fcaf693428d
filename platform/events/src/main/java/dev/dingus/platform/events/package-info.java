/**
 * Events between services (ARCHITECTURE §6): the envelope, a transactional outbox relayed to RabbitMQ with
 * publisher confirms, and idempotent consumers with a dead-letter queue. One mechanism for every service.
 */
package dev.dingus.platform.events;
