// Live fan-out under writing: N stream clients (split over the given servers) while W writers
// post as fast as they can for S seconds. Counts the events lost (posts acknowledged to a writer
// that some client never received) and the time from each acknowledgement to each arrival.
//   node writers_fanout.mjs SESSION_TOKEN CLIENTS WRITERS SECONDS BASE_URL [BASE_URL ...]
import { createPost, openLive } from "./live_client.mjs";

const [token, clientsArg, writersArg, secondsArg, ...bases] = process.argv.slice(2);
const clients = Number(clientsArg);
const writers = Number(writersArg);
const seconds = Number(secondsArg);
const GRACE_MS = 5_000;

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

const acked = new Map(); // post id -> acknowledgement time
const arrivals = new Map(); // post id -> arrival times
const sockets = [];
for (let i = 0; i < clients; i += 100) {
  const batch = Array.from({ length: Math.min(100, clients - i) }, (_, j) =>
    openLive(bases[(i + j) % bases.length], token, (text) => {
      const id = String(JSON.parse(text).data.id);
      if (!arrivals.has(id)) arrivals.set(id, []);
      arrivals.get(id).push(performance.now());
    }),
  );
  sockets.push(...(await Promise.all(batch)));
}
await new Promise((r) => setTimeout(r, 500));

const deadline = performance.now() + seconds * 1000;
let failures = 0;
let firstFailure = "";
async function writer(w) {
  for (let n = 0; performance.now() < deadline; n++) {
    const base = bases[w % bases.length];
    const { ok, status, text } = await createPost(base, token, `body=writer+${w}+post+${n}&idempotency_key=w${w}-${n}-${Date.now()}`);
    if (!ok) {
      failures++;
      firstFailure ||= `${status} ${text}`;
      continue;
    }
    acked.set(String(JSON.parse(text).id), performance.now());
  }
}
await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));

// Wait for stragglers, then count.
const settle = performance.now() + GRACE_MS;
const complete = () => [...acked.keys()].every((id) => (arrivals.get(id)?.length || 0) >= clients);
while (!complete() && performance.now() < settle) await new Promise((r) => setTimeout(r, 20));

let lost = 0;
const latencies = [];
for (const [id, at] of acked) {
  const got = arrivals.get(id) || [];
  lost += clients - Math.min(clients, got.length);
  for (const t of got) latencies.push(Math.max(0, t - at));
}
latencies.sort((a, b) => a - b);
console.log(
  `RESULT servers=${bases.length} clients=${clients} writers=${writers} posts=${acked.size} ` +
    `posts_per_s=${(acked.size / seconds).toFixed(0)} failed_writes=${failures} lost=${lost} ` +
    `p50=${percentile(latencies, 50).toFixed(1)} p99=${percentile(latencies, 99).toFixed(1)} ` +
    `max=${latencies.length ? latencies[latencies.length - 1].toFixed(1) : "NaN"}`,
);
if (failures) console.error(`writes refused, the first with: ${firstFailure}`);
for (const socket of sockets) socket.destroy();
process.exit(0);
