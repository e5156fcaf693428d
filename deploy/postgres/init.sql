-- One database per service (ARCHITECTURE §2); each service migrates its own schema with Flyway.
CREATE DATABASE auth;
CREATE DATABASE chatroom;
CREATE DATABASE messages;
CREATE DATABASE notifications;
