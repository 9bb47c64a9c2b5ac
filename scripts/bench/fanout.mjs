// Live fan-out: opens N stream clients, creates posts, and measures the time from each post's
// acknowledgement to its arrival at every client.
//   node fanout.mjs BASE_URL SESSION_TOKEN CLIENTS POSTS
import { createPost, openLive } from "./live_client.mjs";

const [base, token, clientsArg, postsArg] = process.argv.slice(2);
const clients = Number(clientsArg);
const posts = Number(postsArg || 5);

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const arrivals = new Map(); // post id -> array of arrival times
const sockets = [];
for (let i = 0; i < clients; i++) {
  sockets.push(
    await openLive(base, token, (text) => {
      const id = String(JSON.parse(text).data.id); // {seq, kind: "post.created", data: post}
      if (!arrivals.has(id)) arrivals.set(id, []);
      arrivals.get(id).push(performance.now());
    }),
  );
}
await new Promise((r) => setTimeout(r, 500));

const latencies = [];
for (let p = 0; p < posts; p++) {
  const { ok, status, text } = await createPost(base, token, `body=fan-out+${p}+${Date.now()}`);
  if (!ok) {
    console.error(`post ${p} was refused: ${status} ${text}`);
    process.exit(1);
  }
  const acked = performance.now();
  const id = String(JSON.parse(text).id);
  const deadline = acked + 10_000;
  while ((arrivals.get(id)?.length || 0) < clients && performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1));
  }
  const got = arrivals.get(id) || [];
  if (got.length < clients) console.error(`post ${p}: only ${got.length}/${clients} clients got it`);
  for (const t of got) latencies.push(Math.max(0, t - acked));
}
latencies.sort((a, b) => a - b);
console.log(
  `RESULT clients=${clients} posts=${posts} p50=${percentile(latencies, 50).toFixed(1)} p99=${percentile(latencies, 99).toFixed(1)} max=${latencies[latencies.length - 1].toFixed(1)}`,
);
for (const socket of sockets) socket.destroy();
process.exit(0);
