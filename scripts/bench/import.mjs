// Times a directory import as an administrator does it: upload a CSV file of ROWS new people
// (a management tree eight wide), its preview, the import, then the same file again (which
// must preview every row as unchanged), then the file with everyone's title changed.
//   node import.mjs BASE_URL SESSION_TOKEN ROWS
// Prints: RESULT rows=N and the milliseconds of each step.
const [base, token, rowsText] = process.argv.slice(2);
const rows = Number(rowsText);
const origin = process.env.BENCH_ORIGIN || base;
const headers = { cookie: `commons_session=${token}`, origin };
function csv(title) {
  const lines = ['name,email,title,department,location,manager_email,ask_me_about,time_zone'];
  for (let n = 0; n < rows; n++) {
    const manager = n === 0 ? '' : `imported-${Math.floor((n - 1) / 8)}@example.com`;
    lines.push(`Imported Person ${n},imported-${n}@example.com,${title},Imports,Lisbon,${manager},"Spreadsheets, CSV",Europe/Lisbon`);
  }
  return new Blob([lines.join('\n') + '\n'], { type: 'text/csv' });
}

async function timed(what, call) {
  const started = performance.now();
  const result = await call();
  return [result, Math.round(performance.now() - started)];
}

async function upload(file) {
  const form = new FormData();
  form.append('csv', file, 'people.csv');
  const res = await fetch(`${base}/admin/people/import/upload`, { method: 'POST', body: form, headers, redirect: 'manual' });
  if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
  // Ids exceed 2^53: kept as text.
  return res.headers.get('location').match(/id=(\d+)/)[1];
}

async function preview(id) {
  const res = await fetch(`${base}/api/get_people_import?id=${id}`, { headers });
  const text = await res.text();
  if (!res.ok) throw new Error(`preview answered ${res.status}: ${text}`);
  return JSON.parse(text.replace(/"id":(\d+)/, '"id":"$1"')).counts;
}

async function importFile(id) {
  const res = await fetch(`${base}/api/import_people`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: `id=${id}`,
  });
  if (!res.ok) throw new Error(`import answered ${res.status}: ${await res.text()}`);
}

const file = csv('Analyst');
const [id, uploadMs] = await timed('upload', () => upload(file));
const [counts, previewMs] = await timed('preview', () => preview(id));
if (counts.created !== rows || counts.errors !== 0) throw new Error(`unexpected preview: ${JSON.stringify(counts)}`);
const [, importMs] = await timed('import', () => importFile(id));
const again = await upload(file);
const [second, againPreviewMs] = await timed('preview again', () => preview(again));
if (second.unchanged !== rows) throw new Error(`the same file again is not unchanged: ${JSON.stringify(second)}`);
const [, againImportMs] = await timed('import again', () => importFile(again));
const changed = await upload(csv('Senior Analyst'));
const [third, changedPreviewMs] = await timed('preview changes', () => preview(changed));
if (third.updated !== rows) throw new Error(`the changed file does not update everyone: ${JSON.stringify(third)}`);
const [, changedImportMs] = await timed('import changes', () => importFile(changed));
console.log(
  `RESULT rows=${rows} upload_ms=${uploadMs} preview_ms=${previewMs} import_ms=${importMs}` +
    ` again_preview_ms=${againPreviewMs} again_import_ms=${againImportMs}` +
    ` updates_preview_ms=${changedPreviewMs} updates_import_ms=${changedImportMs}`,
);
