// Live fan-out: opens N stream clients, creates posts, and measures the time from each post's
// acknowledgement to its arrival at every client. Then holds M idle connections to measure memory.
//   node fanout.mjs BASE_URL SESSION_TOKEN CLIENTS POSTS
import http from "node:http";

const [base, token, clientsArg, postsArg] = process.argv.slice(2);
const clients = Number(clientsArg);
const posts = Number(postsArg || 5);
const url = new URL(base);
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function openClient(onFrame) {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: url.hostname, port: url.port, path: "/events", agent, headers: { cookie: `commons_session=${token}` } },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
        res.setEncoding("utf8");
        let buffer = "";
        res.on("data", (chunk) => {
          buffer += chunk;
          let end;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            onFrame(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        });
        resolve(req);
      },
    );
    req.on("error", reject);
  });
}

const arrivals = new Map(); // post id -> array of arrival times
const requests = [];
for (let i = 0; i < clients; i++) {
  requests.push(
    await openClient((frame) => {
      const id = frame.match(/^id: (\d+)$/m);
      if (id) {
        if (!arrivals.has(id[1])) arrivals.set(id[1], []);
        arrivals.get(id[1]).push(performance.now());
      }
    }),
  );
}
await new Promise((r) => setTimeout(r, 500));

const latencies = [];
for (let p = 0; p < posts; p++) {
  const res = await fetch(`${base}/api/create_post`, {
    method: "POST",
    headers: {
      cookie: `commons_session=${token}`,
      origin: base,
      accept: "application/json",
      "content-type": "application/x-www-form-urlencoded",
    },
    body: `body=fan-out+${p}+${Date.now()}`,
  });
  const text = await res.text();
  const acked = performance.now();
  const id = text.match(/"id":(\d+)/)[1];
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
for (const req of requests) req.destroy();
process.exit(0);
