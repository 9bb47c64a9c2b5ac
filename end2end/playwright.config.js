// Browser tests for Commons, run in Debian's Chromium (never a downloaded browser).
// Each test starts its own server (see support/server.js), so tests run one at a time.
const { defineConfig } = require('@playwright/test');

const chromium = {
  executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

module.exports = defineConfig({
  testDir: 'tests',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    browserName: 'chromium',
    launchOptions: chromium,
  },
  // Spec files tag what runs in one project only: @wasm-only (needs JavaScript) and
  // @no-js-only (the plain-HTML path). Untagged tests run in both.
  projects: [
    { name: 'wasm', use: { javaScriptEnabled: true }, grepInvert: /@no-js-only/ },
    { name: 'no-js', use: { javaScriptEnabled: false }, grepInvert: /@wasm-only/ },
  ],
});
