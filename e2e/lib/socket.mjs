import { io } from 'socket.io-client';
import { BASE_URL, TIMEOUT_MS } from './config.mjs';

/**
 * Connects the official socket.io-client through the gateway with the access token in the
 * handshake, as the frontend does. Resolves once connected; rejects with the server's
 * connect_error message otherwise. Close it with socket.close().
 * @param {string|undefined} token
 * @param {import('socket.io-client').ManagerOptions & import('socket.io-client').SocketOptions} [options]
 */
export function connectSocket(token, options = {}) {
  const socket = io(BASE_URL, {
    auth: token === undefined ? {} : { token },
    reconnection: false,
    forceNew: true,
    timeout: TIMEOUT_MS,
    ...options,
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error(`socket did not connect within ${TIMEOUT_MS} ms`));
    }, TIMEOUT_MS);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (err) => {
      clearTimeout(timer);
      socket.close();
      reject(err);
    });
  });
}

/** Emits and waits for the acknowledgement (rejects on a timeout instead of hanging). */
export function emitWithAck(socket, event, payload, timeoutMs = TIMEOUT_MS) {
  return socket.timeout(timeoutMs).emitWithAck(event, payload);
}

/** Waits for the next `event` whose payload satisfies `matches`. */
export function nextEvent(socket, event, matches = () => true, timeoutMs = TIMEOUT_MS) {
  return new Promise((resolve, reject) => {
    const onEvent = (payload) => {
      if (!matches(payload)) return;
      clearTimeout(timer);
      socket.off(event, onEvent);
      resolve(payload);
    };
    const timer = setTimeout(() => {
      socket.off(event, onEvent);
      reject(new Error(`no '${event}' event within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on(event, onEvent);
  });
}
