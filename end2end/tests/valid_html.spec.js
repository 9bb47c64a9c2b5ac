// Every page is valid HTML, as the W3C Nu HTML Checker (npm vnu-jar, run with the machine's
// Java) reads it: the server's HTML as sent, signed in and not, empty and with content.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { test, expect } = require('../support/fixtures');
const { ADMIN, BEA, joinAs, post, profileLink, setupOrganization } = require('../support/actions');

const VNU_JAR = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');

async function fetchPages(request, paths) {
  const pages = [];
  for (const p of paths) {
    const response = await request.get(p, { headers: { accept: 'text/html' } });
    pages.push({ path: `${p} (${response.status()})`, html: await response.text() });
  }
  return pages;
}

function check(pages) {
  for (const page of pages) expect(page.html, `${page.path} is a page`).toContain('<!DOCTYPE html>');
  // The checker writes its JSON report on stderr.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'commons-html-'));
  const byFile = new Map();
  const files = pages.map(({ path: page, html }, i) => {
    const file = path.join(dir, `page-${i}.html`);
    fs.writeFileSync(file, html);
    byFile.set(`file:${file}`, page);
    return file;
  });
  const run = spawnSync('java', ['-jar', VNU_JAR, '--errors-only', '--exit-zero-always', '--format', 'json', ...files], {
    encoding: 'utf8',
  });
  fs.rmSync(dir, { recursive: true, force: true });
  expect(run.error, 'the checker runs').toBeUndefined();
  const report = JSON.parse(run.stderr || run.stdout);
  const errors = report.messages
    .filter((m) => m.type === 'error' || m.subType === 'fatal')
    .map((m) => `${byFile.get(m.url) || m.url}: ${m.lastLine}:${m.lastColumn} ${m.message} [${(m.extract || '').trim()}]`);
  expect(errors, 'the Nu HTML Checker finds no errors').toEqual([]);
}

test('every page is valid HTML @no-js-only', async ({ page, newPage, server }) => {
  const fresh = await fetchPages(page.request, ['/setup']);
  await setupOrganization(page);
  await post(page, 'Hello **team** #launch: a [link](https://example.org), `code`, and\n\n- one\n- two\n\n> quoted');
  await expect(page.getByRole('article')).toHaveCount(1);
  const profile = await profileLink(page, ADMIN.name).getAttribute('href');
  const postPath = await page.getByRole('article').getByRole('link').filter({ has: page.locator('time') }).getAttribute('href');
  // A conversation: a comment, a reaction, and the reply box opened.
  await page.getByLabel('Write a comment', { exact: true }).fill('A *comment*');
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  await page.getByRole('button', { name: 'Like, 0', exact: true }).first().click();
  await page.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(page.getByLabel('Write a reply', { exact: true })).toBeVisible();
  const replying = new URL(page.url()).pathname + new URL(page.url()).search;
  // An edit, so the post shows "edited" and has a history with a diff.
  const item = postPath.replace('/posts/', 'post-');
  await page.goto(`/edit/${item}`);
  await page.getByLabel('Text', { exact: true }).fill('Hello **team**, edited #launch: a [link](https://example.org)');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('link', { name: 'edited', exact: true })).toBeVisible();
  const uploaded = await page.request.post('/admin/people/import/upload', {
    headers: { origin: server.url },
    multipart: {
      csv: {
        name: 'people.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('name,email,title,department,location,manager_email\nCy,cy@example.org,,,,\nDi,bad,,,,\n'),
      },
    },
    maxRedirects: 0,
  });
  expect(uploaded.status()).toBe(201);
  const importPreview = uploaded.headers().location;
  const bea = await newPage();
  await joinAs(server, bea, BEA);
  const beaProfile = await profileLink(bea, BEA.name).getAttribute('href');
  // A private group with About, a post in it, and Bea asking to join.
  const created = await page.request.post('/api/create_group', {
    headers: { accept: 'text/html', origin: server.url, referer: `${server.url}/groups/new` },
    form: { name: 'Design <Guild>', description: 'Pixels & type', about: '**About** us', visibility: 'private' },
    maxRedirects: 0,
  });
  const groupPath = created.headers().location;
  expect(groupPath).toMatch(/^\/groups\/\d+$/);
  const groupId = groupPath.split('/').pop();
  const groupPost = await page.request.post('/api/create_post', {
    headers: { accept: 'application/json', origin: server.url },
    form: { body: 'In the *group*', audience: groupId },
  });
  await bea.request.post('/api/ask_to_join', {
    headers: { accept: 'application/json', origin: server.url },
    form: { id: groupId },
  });
  // A question, answered by Bea and accepted.
  const json = { accept: 'application/json', origin: server.url };
  const asked = await page.request.post('/api/create_post', {
    headers: json,
    form: { body: 'Which *room*?', kind: 'question', title: 'Where do we <meet>?' },
  });
  // Ids are 64-bit: read as text, since a JavaScript number would round them.
  const idOf = async (response) => (await response.text()).match(/"id":(\d+)/)[1];
  const questionId = await idOf(asked);
  const answered = await bea.request.post('/api/create_comment', {
    headers: json,
    form: { post_id: questionId, body: 'Room **4**' },
  });
  const answerId = await idOf(answered);
  const accepted = await page.request.post('/api/set_accepted_answer', {
    headers: json,
    form: { post_id: questionId, comment_id: answerId },
  });
  expect(accepted.ok()).toBe(true);
  // The group's post pinned, another removed with a reason, and the group renamed: the trail.
  const groupPostId = await idOf(groupPost);
  const pinned = await page.request.post('/api/pin_post', { headers: json, form: { post_id: groupPostId } });
  expect(pinned.ok()).toBe(true);
  const doomed = await page.request.post('/api/create_post', { headers: json, form: { body: 'Off topic', audience: groupId } });
  const removed = await page.request.post('/api/remove_group_post', {
    headers: json,
    form: { post_id: await idOf(doomed), reason: 'Not <for> this group' },
  });
  expect(removed.ok()).toBe(true);
  const edited = await page.request.post('/api/edit_group', {
    headers: json,
    form: { id: groupId, name: 'Design <Guild>', description: 'Pixels & type', about: '**About** us', visibility: 'private' },
  });
  expect(edited.ok()).toBe(true);
  const member = await fetchPages(page.request, [
    '/questions',
    '/questions?filter=answered',
    '/questions?filter=unanswered',
    `/posts/${questionId}`,
    `${groupPath}?filter=unanswered`,
    '/?error=post-title-missing&kind=question&title=Where',

    '/groups',
    '/groups?q=design',
    '/groups/new',
    '/groups/new?error=group-name-empty&description=kept',
    groupPath,
    `${groupPath}/members`,
    `${groupPath}/requests`,
    `${groupPath}/edit`,
    `${groupPath}/edit?error=group-name-empty&description=kept`,
    `${groupPath}/moderation`,
    '/notifications',
    `/posts/${groupPostId}`,
    `/posts/${groupPostId}?error=moderation-reason-missing&moderation=1&reason=why`,
    '/',
    '/?view=following',
    '/people',
    '/people?q=ada&department=&location=',
    '/invite',
    '/settings',
    '/admin/people/import',
    importPreview,
    profile,
    `${profile}/followers`,
    `${profile}/following`,
    `${profile}/reports`,
    beaProfile,
    postPath,
    replying,
    postPath.replace('/posts/', '/reactions/post-'),
    `/edit/${item}`,
    `/delete/${item}`,
    `/history/${item}`,
    '/topics',
    '/topics/launch',
    '/topics/nothing-yet',
    '/no/such/page',
  ]);

  const stranger = await newPage();
  const outsider = await fetchPages(bea.request, ['/groups', groupPath]);
  const visitor = await fetchPages(stranger.request, [
    '/',
    '/sign-in',
    '/join',
    '/forgot-password',
    '/join/check-email?email=someone%40example.org',
    '/verify?token=abc',
    '/reset-password?token=abc',
    '/activate?token=abc',
    '/sign-in?error=sign-in-wrong',
  ]);
  // An error made below the app (the body limit) is a page of ours too.
  const tooLarge = await page.request.post('/api/create_post', {
    headers: { accept: 'text/html', origin: server.url, referer: `${server.url}/` },
    form: { body: 'x'.repeat(300 * 1024) },
  });
  expect(tooLarge.status()).toBe(413);
  const refused = { path: 'a 413 answer', html: await tooLarge.text() };
  check([...fresh, ...member, ...outsider, ...visitor, refused]);
});
