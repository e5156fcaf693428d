// The signed-in app is rendered in the browser: its state is per user and lives in memory there,
// fed by Socket.IO. Pages still go through the server first (hooks + the layout's server load).
export const ssr = false;
