// The Socket.IO connection to message-service (through the gateway, same origin). The access
// token is read afresh for every (re)connect, so a renewed token is used after a reconnect.
import { io, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents, SocketError } from './events';

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export const ACK_TIMEOUT_MS = 10_000;

export function connect(getToken: () => Promise<string | null>, url?: string): RealtimeSocket {
	const opts = {
		path: '/socket.io',
		auth: (cb: (data: object) => void) => {
			getToken()
				.then((token) => cb({ token }))
				.catch(() => cb({}));
		},
		reconnectionDelay: 500,
		reconnectionDelayMax: 5000
	};
	return url ? io(url, opts) : io(opts);
}

/** An error answered by the server, or a missing answer. */
export class RealtimeError extends Error {
	constructor(
		readonly code: string,
		message: string
	) {
		super(message);
		this.name = 'RealtimeError';
	}
}

/**
 * Emits and waits for the ack; `success:false` and a timeout both become a RealtimeError.
 * A payload-less ack (some servers answer `true`) counts as success.
 */
export async function request<T extends object>(
	socket: RealtimeSocket,
	event: string,
	payload: object,
	timeoutMs = ACK_TIMEOUT_MS
): Promise<T> {
	let ack: Ack<T> | boolean | undefined;
	try {
		// the typed overloads do not fit a dynamic event name
		ack = await (socket.timeout(timeoutMs) as unknown as Socket).emitWithAck(event, payload);
	} catch {
		throw new RealtimeError('timeout', 'The server did not answer. Check your connection.');
	}
	if (ack === true || ack === undefined) return {} as T;
	if (ack === false) throw new RealtimeError('failed', 'The server refused the request.');
	if (ack.success === false) {
		const err: SocketError = ack.error ?? { code: 'failed', message: 'The request failed.' };
		throw new RealtimeError(err.code, err.message || 'The request failed.');
	}
	return ack as T;
}
