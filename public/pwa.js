// Makes Commons installable and able to show its offline page (see /sw.js).
if ("serviceWorker" in navigator) {
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js").catch((error) => console.warn("service worker:", error));
  });
}
