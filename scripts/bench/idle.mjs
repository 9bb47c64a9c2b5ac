// Holds N idle stream connections open until stdin closes (to measure the server's memory).
//   node idle.mjs BASE_URL SESSION_TOKEN N
import http from "node:http";

const [base, token, countArg] = process.argv.slice(2);
const url = new URL(base);
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
let open = 0;
const batch = 200;
for (let i = 0; i < Number(countArg); i += batch) {
  await Promise.all(
    Array.from({ length: Math.min(batch, Number(countArg) - i) }, () =>
      new Promise((resolve, reject) => {
        const req = http.get(
          { host: url.hostname, port: url.port, path: "/events", agent, headers: { cookie: `commons_session=${token}` } },
          (res) => {
            if (res.statusCode === 200) open++;
            res.resume();
            resolve();
          },
        );
        req.on("error", reject);
      }),
    ),
  );
}
console.log(`OPEN ${open}`);
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
