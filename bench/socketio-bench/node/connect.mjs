// Opens <n> official-client connections (default transports: polling, then upgrade), prints READY once all
// are connected and upgraded, and holds them until stdin closes. Usage: node connect.mjs <url> <n>
import { io } from "socket.io-client";

const [url, nArg] = process.argv.slice(2);
const n = Number(nArg);
const sockets = [];
await Promise.all(Array.from({ length: n }, () => new Promise((resolve, reject) => {
  const socket = io(url, { forceNew: true, reconnection: false });
  sockets.push(socket);
  socket.on("connect_error", reject);
  socket.io.on("open", () => socket.io.engine.once("upgrade", () => socket.connected ? resolve() : socket.once("connect", resolve)));
})));
console.log("READY " + sockets.filter((s) => s.io.engine.transport.name === "websocket").length);
process.stdin.resume();
process.stdin.on("end", () => { sockets.forEach((s) => s.disconnect()); process.exit(0); });
