// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Api } from '$lib/api';
import type { DingusTokens } from '$lib/server/tokens';
import type { DefaultSession } from '@auth/sveltekit';

/** The signed-in user as the server trusts it after checking the session. */
export interface SessionUser {
	id: string;
	username: string;
	name: string;
	image: string | null;
}

declare global {
	namespace App {
		interface Error {
			message: string;
			code?: string;
		}
		interface Locals {
			/** set by hooks.server.ts once the session has been verified; null when signed out */
			user: SessionUser | null;
			accessToken: string | null;
			accessTokenExpires: number | null;
			/** renew the access token from this epoch ms on */
			refreshAt: number | null;
			/** API client acting as the signed-in user (server side) */
			api: Api;
		}
		interface PageData {
			user?: SessionUser | null;
		}
	}
}

declare module '@auth/core/types' {
	interface User {
		dingus?: DingusTokens;
	}
	interface Session {
		user?: DefaultSession['user'] & { id: string; username: string };
		accessToken?: string;
		accessTokenExpires?: number;
		refreshAt?: number;
		error?: string;
	}
}

declare module '@auth/core/jwt' {
	interface JWT {
		dingus?: DingusTokens;
		error?: string;
	}
}

export {};
