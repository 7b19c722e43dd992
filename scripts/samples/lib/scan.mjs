// "Print and scan" a PDF: rasterise with pdftoppm (gray), then per page with ImageMagick:
// a slight random rotation on a white background, light Gaussian noise, sparse dust
// speckles, a slight blur, a paper tone, JPEG quality 75. The JPEGs are wrapped into an
// image-only PDF by writeJpegPdf below (no text layer, no fonts).
//
// Determinism: angles come from a seeded PRNG and ImageMagick's noise from `-seed`, so the
// same input gives the same JPEG bytes; the PDF writer stores no dates.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { run } from './tools.mjs';

const execFileP = promisify(execFile);

/** mulberry32: small, fast, good enough for jitter; seeded from a string. */
export function rng(seedText) {
  let h = 2166136261;
  for (const ch of seedText) h = Math.imul(h ^ ch.codePointAt(0), 16777619) >>> 0;
  let a = h;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function pool(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Scan pages [first..last] of `pdf` into JPEG files in `workDir`.
 * Returns [{ jpg, angle, width, height }] in page order.
 */
export async function scanPages(pdf, workDir, { dpi = 300, seed, first, last, maxAngle = 1.2, minAngle = 0, quality = 75 }) {
  const prefix = join(workDir, 'page');
  const args = ['-r', String(dpi), '-gray'];
  if (first) args.push('-f', String(first));
  if (last) args.push('-l', String(last));
  run('pdftoppm', [...args, pdf, prefix]);
  const pgms = readdirSync(workDir).filter((f) => f.startsWith('page') && f.endsWith('.pgm')).sort();
  const random = rng(seed);
  // Draw every angle up front, in page order, so parallelism cannot change them.
  const jobs = pgms.map((f, i) => ({
    pgm: join(workDir, f),
    jpg: join(workDir, f.replace(/\.pgm$/, '.jpg')),
    // |angle| between minAngle and maxAngle, either way.
    angle: (() => {
      const r = random() * 2 - 1;
      return Math.round(Math.sign(r || 1) * (minAngle + Math.abs(r) * (maxAngle - minAngle)) * 100) / 100;
    })(),
    noiseSeed: Math.floor(random() * 1e6) + i,
  }));
  const parallel = Math.max(1, Math.min(4, cpus().length));
  return pool(jobs, parallel, async (j) => {
    const [w, h] = pgmSize(j.pgm);
    await execFileP('convert', [
      j.pgm,
      '-background', 'white', '-rotate', String(j.angle),
      '-gravity', 'center', '-extent', `${w}x${h}`, // back to the page size after rotating
      '-seed', String(j.noiseSeed),
      '-attenuate', '0.15', '+noise', 'Gaussian', // sensor noise
      '-attenuate', '0.004', '+noise', 'Impulse', // sparse dust specks
      '-blur', '0x0.8', // optics
      '+level', '2%,96%', // paper is not pure white, toner not pure black
      '-type', 'Grayscale', '-strip',
      '-quality', String(quality),
      j.jpg,
    ], { maxBuffer: 64 * 1024 * 1024 });
    return { jpg: j.jpg, angle: j.angle, width: w, height: h, dpi };
  });
}

function pgmSize(path) {
  // P5 header: "P5\n<w> <h>\n<max>\n" (pdftoppm writes no comments)
  const head = readFileSync(path, { encoding: 'latin1', flag: 'r' }).slice(0, 64);
  const m = head.match(/^P5\s+(\d+)\s+(\d+)\s+\d+\s/);
  if (!m) throw new Error(`not a binary PGM: ${path}`);
  return [Number(m[1]), Number(m[2])];
}

/** Width, height and component count from a JPEG's SOF marker. */
function jpegInfo(buf) {
  let i = 2;
  while (i < buf.length) {
    if (buf[i] !== 0xff) throw new Error('bad JPEG marker');
    const marker = buf[i + 1];
    const len = buf.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: buf.readUInt16BE(i + 5), width: buf.readUInt16BE(i + 7), components: buf[i + 9] };
    }
    i += 2 + len;
  }
  throw new Error('JPEG without SOF marker');
}

/** Write an image-only PDF: one page per JPEG, page size from pixels and dpi. */
export function writeJpegPdf(pages, outPath, producer = 'selfeval scripts/samples/make-samples.mjs') {
  const chunks = [];
  const offsets = [];
  let pos = 0;
  const push = (b) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    chunks.push(buf);
    pos += buf.length;
  };
  const obj = (n, body) => {
    offsets[n] = pos;
    push(`${n} 0 obj\n`);
    for (const part of [].concat(body)) push(part);
    push('\nendobj\n');
  };
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  const n = pages.length;
  const pageIds = pages.map((_, i) => 4 + i * 3);
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
  obj(2, `<< /Type /Pages /Count ${n} /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] >>`);
  obj(3, `<< /Producer (${producer}) >>`);
  pages.forEach((p, i) => {
    const jpg = readFileSync(p.jpg);
    const info = jpegInfo(jpg);
    const wPt = ((info.width / p.dpi) * 72).toFixed(2);
    const hPt = ((info.height / p.dpi) * 72).toFixed(2);
    const [pageId, contentId, imageId] = [pageIds[i], pageIds[i] + 1, pageIds[i] + 2];
    const content = `q ${wPt} 0 0 ${hPt} 0 0 cm /Im0 Do Q`;
    obj(pageId, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${wPt} ${hPt}] /Resources << /XObject << /Im0 ${imageId} 0 R >> >> /Contents ${contentId} 0 R >>`);
    obj(contentId, [`<< /Length ${content.length} >>\nstream\n`, content, '\nendstream']);
    const cs = info.components === 1 ? '/DeviceGray' : '/DeviceRGB';
    obj(imageId, [
      `<< /Type /XObject /Subtype /Image /Width ${info.width} /Height ${info.height} /ColorSpace ${cs} /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpg.length} >>\nstream\n`,
      jpg,
      '\nendstream',
    ]);
  });
  const size = 4 + n * 3;
  const xref = pos;
  push(`xref\n0 ${size}\n0000000000 65535 f \n`);
  for (let k = 1; k < size; k++) push(`${String(offsets[k]).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${size} /Root 1 0 R /Info 3 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  writeFileSync(outPath, Buffer.concat(chunks));
}
