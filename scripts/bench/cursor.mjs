// Walks the home feed by cursor and prints the cursor of page N (for the deep-paging benchmark).
//   node cursor.mjs BASE_URL SESSION_TOKEN PAGE
const [base, token, page] = process.argv.slice(2);
let before = null;
for (let n = 1; n < Number(page); n++) {
  const url = `${base}/api/home_feed${before ? `?before=${before}` : ""}`;
  const res = await fetch(url, { headers: { cookie: `commons_session=${token}` } });
  const text = await res.text();
  // Ids exceed 2^53: read the cursor as text, not as a JavaScript number.
  const next = text.match(/"next":(\d+)/);
  if (!next) {
    console.error(`the feed ends before page ${page} (at page ${n})`);
    process.exit(1);
  }
  before = next[1];
}
console.log(before);
