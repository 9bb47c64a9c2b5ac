// Reading back the mail a test server sent. The test command runs a real SMTP server that keeps
// every message in a Maildir (COMMONS_TEST_SMTP_URL, COMMONS_TEST_MAILDIR); without one, each
// test server writes its messages as .eml files into its own data folder.
const fs = require('node:fs');
const path = require('node:path');

const WAIT_MS = 20_000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function folders(server) {
  const maildir = process.env.COMMONS_TEST_MAILDIR;
  return maildir ? [path.join(maildir, 'new'), path.join(maildir, 'cur')] : [path.join(server.dataDir, 'mail')];
}

/**
 * Every message written since `server` was created, oldest first. A shared Maildir also holds
 * mail from earlier test servers, one of which may have had the same port (and so the same links).
 */
function messages(server) {
  const found = [];
  for (const dir of folders(server)) {
    let names = [];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const file = path.join(dir, name);
      try {
        const written = fs.statSync(file).mtimeMs;
        if (written >= server.createdAt) found.push({ written, raw: fs.readFileSync(file, 'utf8') });
      } catch {
        // being written; seen next time
      }
    }
  }
  return found.sort((a, b) => a.written - b.written).map((m) => m.raw);
}

/** Undoes quoted-printable, which mail uses for long lines. */
function decodeQuotedPrintable(text) {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The newest link to `pathname` on `server` in a message to `to`, waiting for it to arrive.
 * With `newerThan`, waits for a link other than that one (a message sent after it).
 */
async function linkMailedTo(server, to, pathname, { newerThan = null } = {}) {
  const prefix = `${server.url}${pathname}?`;
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    let newest = null;
    for (const raw of messages(server)) {
      const split = raw.search(/\r?\n\r?\n/);
      const headers = raw.slice(0, split);
      const addressed = headers.split(/\r?\n/).some((line) => /^to:/i.test(line) && line.toLowerCase().includes(to.toLowerCase()));
      if (!addressed) continue;
      const body = decodeQuotedPrintable(raw.slice(split));
      const at = body.indexOf(prefix);
      if (at >= 0) newest = body.slice(at).match(/^[^\s"<]+/)[0].replace(/&amp;/g, '&');
    }
    if (newest && newest !== newerThan) return newest;
    await sleep(100);
  }
  throw new Error(`no mail to ${to} with a link to ${pathname} within ${WAIT_MS / 1000} s`);
}

module.exports = { linkMailedTo };
