// The browser's copy of the access token: in memory only (never localStorage), seeded by the
// server load and renewed through /session/token shortly before it expires.

export interface TokenState {
	accessToken: string;
	expiresAt: number | null;
	refreshAt: number | null;
}

export class SessionExpiredError extends Error {
	constructor() {
		super('Your session has ended. Please sign in again.');
		this.name = 'SessionExpiredError';
	}
}

export class TokenSource {
	private state: TokenState;
	private pending: Promise<string> | null = null;

	constructor(
		initial: TokenState,
		private readonly fetchFn: typeof fetch,
		private readonly onExpired: () => void,
		private readonly now: () => number = Date.now
	) {
		this.state = initial;
	}

	/** The current token, renewed first when it is due. */
	async get(): Promise<string> {
		const due = this.state.refreshAt ?? this.state.expiresAt;
		if (due !== null && this.now() >= due) return this.refresh();
		return this.state.accessToken;
	}

	/**
	 * Asks the server for the current token (renewed if due); `force` renews it now, for a token
	 * the API or Socket.IO refused. One request at a time.
	 */
	refresh(force = false): Promise<string> {
		this.pending ??= this.load(force).finally(() => {
			this.pending = null;
		});
		return this.pending;
	}

	private async load(force: boolean): Promise<string> {
		let res: Response;
		try {
			res = await this.fetchFn('/session/token', {
				method: force ? 'POST' : 'GET',
				headers: { accept: 'application/json' }
			});
		} catch {
			// offline: keep using what we have; the API answers 401 if it is really stale
			return this.state.accessToken;
		}
		if (res.status === 401) {
			this.onExpired();
			throw new SessionExpiredError();
		}
		if (!res.ok) return this.state.accessToken;
		const body = (await res.json()) as TokenState;
		this.state = body;
		return body.accessToken;
	}
}
