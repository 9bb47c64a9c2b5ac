// Starts a fresh Commons server for a test: its own port, data directory and database.
//
//   COMMONS_BIN        the built server binary (required once a server is started)
//   COMMONS_SITE_ROOT  the built site (CSS, JS, WASM, icons, sw.js) [../target/site]
//   E2E_DATABASE       "postgres" for a fresh PostgreSQL database per server [SQLite]
//   E2E_PG_HOST, E2E_PG_PORT   where PostgreSQL listens [127.0.0.1, 5432]
//   E2E_KEEP_DATA      "1" keeps the data directory and server log after the test
const { spawn, execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const PG_HOST = process.env.E2E_PG_HOST || '127.0.0.1';
const PG_PORT = process.env.E2E_PG_PORT || '5432';

// Servers still running if the test runner exits abruptly.
const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function pgUser() {
  return process.env.USER || 'root';
}

function psql(sql) {
  const args = ['-h', PG_HOST, '-p', PG_PORT, '-U', pgUser(), '-d', 'test', '-v', 'ON_ERROR_STOP=1', '-c', sql];
  try {
    execFileSync('psql', args, { stdio: 'pipe' });
  } catch (error) {
    const detail = error.stderr ? error.stderr.toString().trim() : error.message;
    throw new Error(`psql failed on "${sql}": ${detail}`);
  }
}

function tail(file, lines = 60, from = 0) {
  try {
    const text = fs.readFileSync(file).subarray(from).toString('utf8');
    return text.split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

class CommonsServer {
  constructor({ bin, siteRoot, root, port, database }) {
    this.bin = bin;
    this.siteRoot = siteRoot;
    this.root = root;
    this.dataDir = path.join(root, 'data');
    this.logPath = path.join(root, 'server.log');
    this.port = port;
    // Mail written before this moment came from an earlier server that had the same port.
    this.createdAt = Date.now();
    this.database = database; // PostgreSQL database name, or null for SQLite
    this.child = null;
    this.exited = null;
    this.stopped = false;
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  args() {
    const args = ['--bind', `127.0.0.1:${this.port}`, '--data-dir', this.dataDir, '--site-root', this.siteRoot];
    if (this.database) {
      args.push('--database-url', `postgres://${pgUser()}@${PG_HOST}:${PG_PORT}/${this.database}`);
    }
    // Mail goes to the test command's SMTP server when there is one (see support/mail.js).
    if (process.env.COMMONS_TEST_SMTP_URL) args.push('--smtp-url', process.env.COMMONS_TEST_SMTP_URL);
    return args;
  }

  env() {
    const env = { ...process.env };
    // Settings a developer's shell may carry that would change what we test: rate limits stay
    // on, and the database is the one chosen here.
    for (const name of ['COMMONS_RATE_LIMITS', 'DATABASE_URL', 'COMMONS_PUBLIC_URL', 'COMMONS_BIND', 'COMMONS_DATA_DIR', 'COMMONS_MEDIA_DIR', 'COMMONS_SMTP_URL']) {
      delete env[name];
    }
    return env;
  }

  async start() {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.launch();
      } catch (error) {
        // Right after a restart the port can still be held for a moment; try it again.
        if (attempt >= 5 || !error.couldNotListen) throw error;
        await sleep(500);
      }
    }
  }

  async launch() {
    const out = fs.openSync(this.logPath, 'a');
    const from = fs.fstatSync(out).size;
    fs.writeSync(out, `\n=== ${new Date().toISOString()} ${this.bin} ${this.args().join(' ')}\n`);
    const child = spawn(this.bin, this.args(), { cwd: this.root, env: this.env(), stdio: ['ignore', out, out] });
    fs.closeSync(out);
    running.add(child);
    let gone = null;
    this.child = child;
    this.exited = new Promise((resolve) => {
      const done = (how) => {
        running.delete(child);
        gone = how;
        resolve(how);
      };
      child.once('exit', (code, signal) => done(`exited with ${signal || `code ${code}`}`));
      child.once('error', (error) => done(`could not start: ${error.message}`));
    });

    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (gone) break;
      try {
        const res = await fetch(`${this.url}/healthz`, { signal: AbortSignal.timeout(2_000) });
        if (res.status === 200) return this;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    if (!gone) await this.halt('SIGKILL');
    const log = tail(this.logPath, 60, from);
    const error = new Error(
      `Commons did not become ready at ${this.url}/healthz within ${READY_TIMEOUT_MS / 1000} s ` +
        `(server ${gone || 'was still running'}).\nLast lines of ${this.logPath}:\n${log}`,
    );
    error.couldNotListen = /could not listen/i.test(log);
    throw error;
  }

  /** Ends the process (SIGTERM lets it finish requests and close live streams). */
  async halt(signal) {
    const child = this.child;
    const exited = this.exited;
    this.child = null;
    if (!child) return;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
  }

  /** Kills the process at once, like a crash. `restart()` brings it back. */
  async kill() {
    await this.halt('SIGKILL');
  }

  /** Stops and starts again on the same port, data directory and database. */
  async restart() {
    await this.halt('SIGTERM');
    await this.start();
  }

  /** Stops for good: drops the database and removes the data directory. */
  async stop() {
    if (this.stopped) return;
    this.stopped = true;
    await this.halt('SIGTERM');
    if (this.database) psql(`DROP DATABASE IF EXISTS ${this.database} WITH (FORCE)`);
    if (process.env.E2E_KEEP_DATA !== '1') fs.rmSync(this.root, { recursive: true, force: true });
  }

  logTail(lines = 60) {
    return tail(this.logPath, lines);
  }
}

/** Starts a fresh server and waits until GET /healthz answers 200. */
async function startServer() {
  const bin = process.env.COMMONS_BIN;
  if (!bin) {
    throw new Error(
      'COMMONS_BIN is not set: point it at the built server, e.g. ' +
        'COMMONS_BIN=$PWD/../target/release/commons COMMONS_SITE_ROOT=$PWD/../target/site npm test',
    );
  }
  if (!fs.existsSync(bin)) throw new Error(`COMMONS_BIN=${bin} does not exist (build the server first)`);
  const siteRoot = path.resolve(process.env.COMMONS_SITE_ROOT || path.join(__dirname, '..', '..', 'target', 'site'));
  if (!fs.existsSync(siteRoot)) throw new Error(`site root ${siteRoot} does not exist (set COMMONS_SITE_ROOT)`);

  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'commons-e2e-'));
  let database = null;
  if (process.env.E2E_DATABASE === 'postgres') {
    database = `commons_e2e_${crypto.randomBytes(6).toString('hex')}`;
    psql(`CREATE DATABASE ${database}`);
  }
  const server = new CommonsServer({ bin: path.resolve(bin), siteRoot, root, port: await freePort(), database });
  try {
    await server.start();
  } catch (error) {
    await server.stop().catch(() => {});
    throw error;
  }
  return server;
}

module.exports = { startServer };
