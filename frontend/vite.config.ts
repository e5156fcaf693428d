import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

// In development the browser talks to Vite (5173); API and Socket.IO calls are forwarded to the
// gateway so that the page still sees one origin, as it does behind the gateway in production.
const gateway = process.env.DINGUS_API_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
	plugins: [sveltekit()],
	server: {
		port: 5173,
		strictPort: true,
		proxy: {
			'/api/v1': { target: gateway, changeOrigin: false },
			'/socket.io': { target: gateway, ws: true, changeOrigin: false }
		}
	},
	test: {
		include: ['src/**/*.spec.ts'],
		environment: 'node'
	}
});
