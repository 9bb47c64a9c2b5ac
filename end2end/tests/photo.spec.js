// Profile photos: a member uploads one from the edit form (a plain file form, the same with or
// without JavaScript), sees it on their profile, and gets the reason when a file is refused.
const zlib = require('node:zlib');
const { test, expect, hydrated } = require('../support/fixtures');
const { ADMIN, alertWith, field, profileLink, setupOrganization } = require('../support/actions');

/** A `width` × `height` PNG of one colour, made here so the test needs no image files. */
function png(width, height, [r, g, b]) {
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).fill(Buffer.from([r, g, b]))]);
  const pixels = zlib.deflateSync(Buffer.concat(Array(height).fill(row)));
  const chunk = (kind, data) => {
    const body = Buffer.concat([Buffer.from(kind, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function uploadPhoto(page, file) {
  await page.getByText('Edit profile', { exact: true }).click();
  await field(page, 'Photo').setInputFiles(file);
  await page.getByRole('button', { name: 'Upload photo' }).click();
}

test('a member uploads a photo and it replaces their initials', async ({ page }) => {
  await setupOrganization(page);
  await profileLink(page, ADMIN.name).click();
  await hydrated(page);
  const head = page.locator('.profile-head');
  await expect(head.locator('span.avatar')).toBeVisible();
  await expect(page.getByText('Add a photo so colleagues recognize you.')).toBeVisible();

  await uploadPhoto(page, { name: 'me.png', mimeType: 'image/png', buffer: png(300, 200, [30, 90, 200]) });

  const photo = head.locator('img.avatar');
  await expect(photo).toHaveAttribute('src', /^\/media\/\d+\/128\.jpg$/);
  await expect(photo).toHaveAttribute('srcset', /\/media\/\d+\/256\.jpg 2x/);
  // Loaded with the member's cookie, decoded by the browser as a square.
  await expect.poll(() => photo.evaluate((img) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  expect(await photo.evaluate((img) => img.naturalWidth === img.naturalHeight)).toBe(true);
  await expect(page.getByText('Add a photo so colleagues recognize you.')).toHaveCount(0);

  // A file that is not an image is refused with the formats that work, and the photo stays.
  await uploadPhoto(page, { name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('just some text') });
  await expect(alertWith(page, 'Upload a JPEG, PNG or WebP image.')).toBeVisible();
  await expect(photo).toBeVisible();

  // Removing it brings the initials back.
  await page.getByRole('button', { name: 'Remove photo' }).click();
  await expect(head.locator('span.avatar')).toBeVisible();
  await expect(head.locator('img.avatar')).toHaveCount(0);
});
