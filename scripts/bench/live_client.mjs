// A small WebSocket client for the live stream, so the benchmarks need nothing from npm (Node 20
// has no WebSocket without a flag): the upgrade handshake over node:http, then the server's
// frames. Each event goes to `onText`; pings are answered with pongs, as a browser does. Without
// `onText` (streams only held open) the text is read off the socket but not decoded: these
// clients share the server's cores, and decoding what a browser would decode elsewhere is not
// the server's cost.
import crypto from "node:crypto";
import http from "node:http";

export function openLive(base, token, onText = null) {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: url.hostname,
      port: url.port,
      path: "/events",
      agent: false,
      headers: {
        connection: "Upgrade",
        upgrade: "websocket",
        "sec-websocket-version": "13",
        "sec-websocket-key": crypto.randomBytes(16).toString("base64"),
        origin: base,
        cookie: `commons_session=${token}`,
      },
    });
    req.on("upgrade", (_res, socket, head) => {
      let buffer = head;
      socket.on("data", (chunk) => {
        buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
        for (;;) {
          const frame = nextFrame(buffer);
          if (!frame) break;
          buffer = buffer.subarray(frame.end);
          // One message may hold several events, one per line.
          if (frame.opcode === 0x1) {
            if (onText) frame.payload.toString("utf8").split("\n").forEach(onText);
          } else if (frame.opcode === 0x9) socket.write(clientFrame(0xa, frame.payload));
        }
      });
      socket.on("error", () => {});
      resolve(socket);
    });
    req.on("response", (res) => reject(new Error(`live stream answered ${res.statusCode}`)));
    req.on("error", reject);
    req.end();
  });
}

// One unmasked server frame from the start of `buffer`, or null if it hasn't all arrived.
function nextFrame(buffer) {
  if (buffer.length < 2) return null;
  let length = buffer[1] & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return null;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return null;
    length = Number(buffer.readBigUInt64BE(2));
    offset = 10;
  }
  if (buffer.length < offset + length) return null;
  return { opcode: buffer[0] & 0x0f, payload: buffer.subarray(offset, offset + length), end: offset + length };
}

// A masked client frame; the only ones sent here are pongs, whose payload is under 126 bytes.
function clientFrame(opcode, payload) {
  const mask = crypto.randomBytes(4);
  const masked = Buffer.from(payload).map((byte, i) => byte ^ mask[i % 4]);
  return Buffer.concat([Buffer.from([0x80 | opcode, 0x80 | payload.length]), mask, masked]);
}

// Posts `body` (form-encoded) as the composer does; resolves to the response when it is read.
export async function createPost(base, token, body) {
  const res = await fetch(`${base}/api/create_post`, {
    method: "POST",
    headers: {
      cookie: `commons_session=${token}`,
      origin: base,
      accept: "application/json",
      "content-type": "application/x-www-form-urlencoded",
    },
    body,
  });
  return { ok: res.ok, status: res.status, text: await res.text() };
}
