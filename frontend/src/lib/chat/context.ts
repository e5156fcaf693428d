import { getContext, setContext } from 'svelte';
import type { ChatApp } from './app.svelte';

const KEY = Symbol('dingus-app');

export function provideApp(app: ChatApp): ChatApp {
	return setContext(KEY, app);
}

/** The signed-in client state, provided by the app layout. */
export function useApp(): ChatApp {
	const app = getContext<ChatApp | undefined>(KEY);
	if (!app) throw new Error('useApp() outside the signed-in layout');
	return app;
}
