// Commons service worker. The server fills in this release's app shell (content-hashed CSS,
// JS, WASM, icons and the offline page). Pages and API answers hold personal data, so they are
// never cached: navigations go to the network and fall back to the offline page. The parts of
// the WebAssembly that only some pages and actions load (lazy islands and functions) are not
// fetched ahead: each is kept the first time a page loads it. Every /pkg file is
// content-hashed, so a kept one never goes stale.
const VERSION = "__VERSION__";
const PRECACHE = __PRECACHE__;
const CACHE = `commons-shell-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((name) => name.startsWith("commons-shell-") && name !== CACHE).map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(() => caches.match("/offline.html")));
    return;
  }
  if (PRECACHE.includes(url.pathname)) {
    event.respondWith(caches.match(request).then((cached) => cached || fetch(request)));
  } else if (url.pathname.startsWith("/pkg/")) {
    event.respondWith(
      caches.match(request).then(
        (cached) =>
          cached ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
            }
            return response;
          }),
      ),
    );
  }
});
