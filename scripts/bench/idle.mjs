// Holds N idle live-stream connections open until stdin closes (to measure the server's memory).
//   node idle.mjs BASE_URL SESSION_TOKEN N
import { openLive } from "./live_client.mjs";

const [base, token, countArg] = process.argv.slice(2);
const count = Number(countArg);
const batch = 200;
const sockets = [];
for (let i = 0; i < count; i += batch) {
  const opened = await Promise.all(
    Array.from({ length: Math.min(batch, count - i) }, () => openLive(base, token).catch(() => null)),
  );
  sockets.push(...opened.filter(Boolean));
}
console.log(`OPEN ${sockets.length}`);
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
