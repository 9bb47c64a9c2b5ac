// Proving who you are: verifying the address you join with, resetting a forgotten password,
// invitations by email, and signing out everywhere. Each mailed link is read back from the mail
// the server really sent (see support/mail.js).
const { test, expect } = require('../support/fixtures');
const { linkMailedTo } = require('../support/mail');
const {
  BEA,
  PASSWORD,
  alertWith,
  checkEmail,
  field,
  joinAs,
  profileLink,
  setupOrganization,
  signIn,
  signOutButton,
  submitJoin,
  submitSignIn,
  visit,
} = require('../support/actions');

test('joining asks to verify the address, and the mailed link signs the person in', async ({ page, newPage, server }) => {
  await setupOrganization(page);
  const bea = await newPage();
  await submitJoin(bea, BEA);
  await expect(checkEmail(bea)).toBeVisible();
  await expect(checkEmail(bea)).toContainText(BEA.email);

  // Until the link is used, signing in is refused.
  const elsewhere = await newPage();
  await submitSignIn(elsewhere, BEA.email, BEA.password);
  await expect(alertWith(elsewhere, 'Confirm your email address first')).toBeVisible();
  await expect(signOutButton(elsewhere)).toHaveCount(0);

  // A second link can be asked for; opening a link alone changes nothing.
  const first = await linkMailedTo(server, BEA.email, '/verify');
  await bea.getByRole('button', { name: 'Send the link again' }).click();
  await expect(checkEmail(bea)).toContainText('We sent a new link');
  const second = await linkMailedTo(server, BEA.email, '/verify', { newerThan: first });
  await visit(elsewhere, first);
  await expect(elsewhere.getByRole('button', { name: 'Verify email' })).toBeVisible();
  await expect(signOutButton(elsewhere)).toHaveCount(0);

  await visit(bea, second);
  await bea.getByRole('button', { name: 'Verify email' }).click();
  await expect(signOutButton(bea)).toBeVisible();
  await expect(profileLink(bea, BEA.name)).toBeVisible();

  // Neither link works again: the used one, nor the earlier one it replaced.
  for (const link of [second, first]) {
    await visit(elsewhere, link);
    await elsewhere.getByRole('button', { name: 'Verify email' }).click();
    await expect(alertWith(elsewhere, 'expired or was already used')).toBeVisible();
    await expect(signOutButton(elsewhere)).toHaveCount(0);
  }
});

test('a forgotten password is reset through a mailed link, which signs out every other session', async ({ page, newPage, server }) => {
  await setupOrganization(page);
  const bea = await newPage();
  await joinAs(server, bea, BEA);

  const phone = await newPage();
  await visit(phone, '/sign-in');
  await phone.getByRole('link', { name: 'Forgot your password?' }).click();
  await field(phone, 'Email').fill(BEA.email);
  await phone.getByRole('button', { name: 'Send reset link' }).click();
  await expect(phone.getByRole('status')).toContainText('If an account uses that address');

  // The same answer for an address nobody has.
  await field(phone, 'Email').fill('nobody@example.org');
  await phone.getByRole('button', { name: 'Send reset link' }).click();
  await expect(phone.getByRole('status')).toContainText('If an account uses that address');

  await visit(phone, await linkMailedTo(server, BEA.email, '/reset-password'));
  const fresh = 'a brand new passphrase';
  await field(phone, 'New password').fill(fresh);
  await phone.getByRole('button', { name: 'Set password' }).click();
  await expect(profileLink(phone, BEA.name)).toBeVisible();

  // Bea's earlier session is over; the old password no longer works, the new one does.
  await visit(bea, '/');
  await expect(signOutButton(bea)).toHaveCount(0);
  await submitSignIn(bea, BEA.email, PASSWORD);
  await expect(alertWith(bea, 'do not match')).toBeVisible();
  await signIn(bea, { ...BEA, password: fresh });
});

test('an invitation mailed to an address lets that person join without another link', async ({ page, newPage, server }) => {
  await setupOrganization(page);
  await visit(page, '/invite');
  await field(page, 'Email addresses').fill('olu@other.com, not-an-address');
  await page.getByRole('button', { name: 'Send invitations' }).click();
  await expect(alertWith(page, 'One of these is not an email address')).toBeVisible();
  await expect(field(page, 'Email addresses')).toHaveValue('olu@other.com, not-an-address');

  await field(page, 'Email addresses').fill('olu@other.com\nkim@other.com');
  await page.getByRole('button', { name: 'Send invitations' }).click();
  await expect(page.getByRole('status')).toContainText('2 invitations sent');

  const olu = await newPage();
  const link = await linkMailedTo(server, 'olu@other.com', '/join');
  await joinAs(server, olu, { name: 'Olu Guest', email: 'olu@other.com', password: PASSWORD }, link.slice(server.url.length), {
    verified: true,
  });
});

test('signing out everywhere ends every session of that person', async ({ page, newPage, server }) => {
  await setupOrganization(page);
  const laptop = await newPage();
  await joinAs(server, laptop, BEA);
  const phone = await newPage();
  await signIn(phone, BEA);

  await phone.getByRole('banner').getByRole('link', { name: 'Settings' }).click();
  await phone.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(phone.getByRole('status')).toContainText('signed out on every device');
  await expect(signOutButton(phone)).toHaveCount(0);

  await visit(laptop, '/');
  await expect(signOutButton(laptop)).toHaveCount(0);
  // The administrator's own session was not touched.
  await visit(page, '/');
  await expect(signOutButton(page)).toBeVisible();
});
