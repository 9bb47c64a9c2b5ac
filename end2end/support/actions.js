// What people do in Commons, found the way a screen reader finds it: by role and label.
// Labels are matched exactly ("Email" must not also match "Allowed email domains").
const { expect, hydrated } = require('./fixtures');
const { linkMailedTo } = require('./mail');

const PASSWORD = 'correct horse battery';

const ADMIN = {
  organization: 'Northwind Cooperative',
  domains: 'example.org',
  name: 'Ada Admin',
  email: 'ada@example.org',
  password: PASSWORD,
};
const BEA = { name: 'Bea Member', email: 'bea@example.org', password: PASSWORD };

const LIVE = 'Live: new posts appear here as they are shared.';
const RECONNECTING = 'Connection lost. Reconnecting…';

const field = (page, label) => page.getByLabel(label, { exact: true });
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Opens a page by full navigation and, with JavaScript, waits for the app to take over. */
async function visit(page, path) {
  await page.goto(path);
  await hydrated(page);
}

/** The form-error line (role alert) that says `text`. Empty alerts exist on every form. */
function alertWith(page, text) {
  return page.getByRole('alert').filter({ hasText: text });
}

function signOutButton(page) {
  return page.getByRole('button', { name: 'Sign out', exact: true });
}

/** The header's link to the signed-in person's profile ("Your profile: <name>"). */
function profileLink(page, name) {
  return page.getByRole('banner').getByRole('link', { name: new RegExp(escape(name)) });
}

function feed(page) {
  return page.getByRole('region', { name: 'Home feed', exact: true });
}

function liveStatus(page) {
  return page.getByRole('status').filter({ hasText: /Live:|Connecting|Reconnecting/ });
}

/** Fills in the setup form and submits it (no check of the outcome). */
async function submitSetup(page, admin = ADMIN) {
  await visit(page, '/setup');
  await field(page, 'Organization name').fill(admin.organization);
  await field(page, 'Allowed email domains').fill(admin.domains);
  await field(page, 'Your name').fill(admin.name);
  await field(page, 'Email').fill(admin.email);
  await field(page, 'Password').fill(admin.password);
  await page.getByRole('button', { name: 'Create organization' }).click();
}

/** First-run setup; the admin ends signed in on the home page. */
async function setupOrganization(page, admin = ADMIN) {
  await submitSetup(page, admin);
  await expect(signOutButton(page)).toBeVisible();
  await expect(profileLink(page, admin.name)).toBeVisible();
  return admin;
}

/** Fills in the join form at `path` (/join, or an invite link) and submits it. */
async function submitJoin(page, person, path = '/join') {
  await visit(page, path);
  await field(page, 'Name').fill(person.name);
  await field(page, 'Email').fill(person.email);
  await field(page, 'Password').fill(person.password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

/** The page that asks a new member to open the link we mailed them. */
function checkEmail(page) {
  return page.getByRole('status', { name: 'Check your email' });
}

/** Opens the verification link mailed to `email` and presses its one button. */
async function verifyEmail(server, page, email) {
  const link = await linkMailedTo(server, email, '/verify');
  await visit(page, link);
  await page.getByRole('button', { name: 'Verify email' }).click();
}

/**
 * Joins, verifies the address with the mailed link, and checks the person is signed in. An
 * invitation mailed to the address needs no verification (`verified: true`).
 */
async function joinAs(server, page, person = BEA, path = '/join', { verified = false } = {}) {
  await submitJoin(page, person, path);
  if (!verified) {
    await expect(checkEmail(page)).toBeVisible();
    await expect(signOutButton(page)).toHaveCount(0);
    await verifyEmail(server, page, person.email);
  }
  await expect(signOutButton(page)).toBeVisible();
  await expect(profileLink(page, person.name)).toBeVisible();
  return person;
}

async function submitSignIn(page, email, password) {
  await visit(page, '/sign-in');
  await field(page, 'Email').fill(email);
  await field(page, 'Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function signIn(page, person) {
  await submitSignIn(page, person.email, person.password);
  await expect(signOutButton(page)).toBeVisible();
}

async function signOut(page, organization = ADMIN.organization) {
  await signOutButton(page).click();
  await expect(page.getByRole('heading', { name: `Welcome to ${organization}` })).toBeVisible();
}

/** Writes an update on the home page (the page must be on /). */
async function post(page, markdown) {
  await field(page, 'Share an update').fill(markdown);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
}

/** The post's time, which links to its permanent address. */
function permalink(article) {
  return article.getByRole('link').filter({ has: article.page().locator('time') });
}

module.exports = {
  ADMIN,
  BEA,
  PASSWORD,
  LIVE,
  RECONNECTING,
  alertWith,
  checkEmail,
  feed,
  field,
  joinAs,
  liveStatus,
  permalink,
  post,
  profileLink,
  setupOrganization,
  signIn,
  signOut,
  signOutButton,
  submitJoin,
  submitSetup,
  submitSignIn,
  verifyEmail,
  visit,
};
