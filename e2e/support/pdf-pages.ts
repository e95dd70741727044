import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** A PDF's text page by page (poppler's pdftotext), as a person reading it would find it. */
export function pdfTextPages(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'certificate-pdf-'));
  try {
    writeFileSync(join(dir, 'c.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'c.pdf'), '-'], { encoding: 'utf8' }).split('\f').filter((page) => page.trim());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What the QR code on page `page` says, read off the page drawn at 150 dpi (pdftoppm), as a phone would; null if none is found. */
export function qrCodeOnPage(pdf: Buffer, page = 1): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'certificate-png-'));
  try {
    writeFileSync(join(dir, 'c.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '150', '-f', String(page), '-l', String(page), '-singlefile', join(dir, 'c.pdf'), join(dir, 'page')]);
    const png = PNG.sync.read(readFileSync(join(dir, 'page.png')));
    return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
