// The `test` every spec uses: a fresh Commons server per test, pages pointed at it, and a way
// to open more people's browsers (separate contexts, so separate cookies).
//
// Which project runs a test is chosen by tag (see playwright.config.js):
//   @wasm-only   needs JavaScript (live updates, service worker, offline)
//   @no-js-only  checks the plain-HTML path
const base = require('@playwright/test');
const { startServer } = require('./server');

// Runs in every page before its scripts. The hydration script instantiates the app's
// WebAssembly and then calls hydrate() in the same chain of promise callbacks, so a task
// queued once instantiation resolves runs after hydrate() has been called. A lazily loaded
// island (`#[island(lazy)]`) instantiates its own part of the WebAssembly while the islands
// are hydrated (in promise callbacks too), so the page counts as hydrated once no
// instantiation is under way at such a task.
function markHydration() {
  let pending = 0;
  const settled = () => {
    pending -= 1;
    setTimeout(() => {
      if (pending === 0) window.__commonsHydrated = true;
    }, 0);
  };
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    if (typeof original !== 'function') continue;
    WebAssembly[name] = function (...args) {
      pending += 1;
      return original.apply(this, args).then(
        (result) => {
          settled();
          return result;
        },
        (error) => {
          settled();
          throw error;
        },
      );
    };
  }
}

const test = base.test.extend({
  server: async ({}, use, testInfo) => {
    const server = await startServer();
    await use(server);
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('server.log', { body: server.logTail(400), contentType: 'text/plain' });
      console.log(`--- last lines of the server log for "${testInfo.title}" ---\n${server.logTail(40)}`);
    }
    await server.stop();
  },

  baseURL: async ({ server }, use) => {
    await use(server.url);
  },

  context: async ({ context }, use) => {
    await context.addInitScript(markHydration);
    await use(context);
  },

  // `await newPage()` opens a page in a new browser context: another person.
  newPage: async ({ browser, server, javaScriptEnabled, serviceWorkers }, use) => {
    const contexts = [];
    await use(async () => {
      const context = await browser.newContext({ baseURL: server.url, javaScriptEnabled, serviceWorkers });
      await context.addInitScript(markHydration);
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
});

function jsEnabled() {
  return test.info().project.use.javaScriptEnabled !== false;
}

/** With JavaScript on, waits until the WebAssembly app has taken over the page. */
async function hydrated(page) {
  if (!jsEnabled()) return;
  try {
    await page.waitForFunction(() => window.__commonsHydrated === true, null, { timeout: 20_000 });
  } catch (error) {
    throw new Error(
      `the WebAssembly app did not start on ${page.url()} (is pkg/*.wasm in the site root?): ${error.message}`,
    );
  }
}

module.exports = { test, expect: base.expect, hydrated, jsEnabled };
