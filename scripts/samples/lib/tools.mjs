// Thin wrappers around the external programs the sample generator shells out to.
// Every call is synchronous: the generator is a build script, run rarely, and a
// linear log is easier to follow than interleaved async output.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** Tools the generator needs, with the Debian package that provides each. */
export const REQUIRED_TOOLS = [
  ['soffice', 'libreoffice-writer'],
  ['chromium', 'chromium'],
  ['convert', 'imagemagick'],
  ['pdftoppm', 'poppler-utils'],
  ['pdftotext', 'poppler-utils'],
  ['pdfinfo', 'poppler-utils'],
  ['pdffonts', 'poppler-utils'],
  ['qpdf', 'qpdf'],
  ['fix-qdf', 'qpdf'],
];

export function checkTools() {
  const missing = REQUIRED_TOOLS.filter(([bin]) => spawnSync('sh', ['-c', `command -v ${bin}`]).status !== 0);
  if (missing.length) {
    const pkgs = [...new Set(missing.map(([, p]) => p))].join(' ');
    throw new Error(
      `missing tools: ${missing.map(([b]) => b).join(', ')}\n` +
        `install them with: apt-get install -y ${pkgs} fonts-noto-cjk`,
    );
  }
}

/** Run a program, return stdout as a string; throw with stderr on failure. */
export function run(cmd, args, opts = {}) {
  try {
    return execFileSync(cmd, args, {
      encoding: opts.encoding ?? 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, ...(opts.env ?? {}) },
      cwd: opts.cwd,
      timeout: opts.timeout ?? 300_000,
    });
  } catch (err) {
    const stderr = err.stderr ? String(err.stderr).trim().split('\n').slice(-8).join('\n') : '';
    throw new Error(`${cmd} ${args.join(' ')} failed (status ${err.status}):\n${stderr}`, { cause: err });
  }
}

export function makeTempDir(prefix) {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}

/** HTML -> PDF with LibreOffice Writer. The explicit StarWriter HTML filter matters:
 * the default Writer/Web import drops the first paragraph and appends a blank page. */
export function libreofficeToPdf(htmlPath, outDir) {
  const profile = makeTempDir('lo-profile-');
  try {
    run('soffice', [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--norestore',
      '--infilter=HTML (StarWriter)',
      '--convert-to',
      'pdf:writer_pdf_Export',
      '--outdir',
      outDir,
      htmlPath,
    ]);
  } finally {
    removeDir(profile);
  }
  normalizePdf(join(outDir, basename(htmlPath).replace(/\.html?$/, '.pdf')));
}

/** HTML -> ODF (flat .fodt) -> PDF with LibreOffice Writer, same filters otherwise.
 * Writer's HTML import puts a <div title="header|footer"> on right pages only (the page
 * style's header is not shared with left pages); saved as ODF, the header is written once
 * and, read back, applies to every page. Everything else (tables, repeated heading rows,
 * page breaks) survives the round trip. `editOdf(xml) -> xml`, if given, edits the flat ODF
 * text between the two steps (e.g. to set column widths Writer's HTML import gets wrong). */
export function libreofficeToPdfViaOdf(htmlPath, outDir, { editOdf } = {}) {
  const profile = makeTempDir('lo-profile-');
  const odfDir = makeTempDir('lo-odf-');
  const common = [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore'];
  try {
    run('soffice', [...common, '--infilter=HTML (StarWriter)', '--convert-to', 'fodt', '--outdir', odfDir, htmlPath]);
    const fodt = join(odfDir, basename(htmlPath).replace(/\.html?$/, '.fodt'));
    if (editOdf) writeFileSync(fodt, editOdf(readFileSync(fodt, 'utf8')));
    run('soffice', [...common, '--convert-to', 'pdf:writer_pdf_Export', '--outdir', outDir, fodt]);
  } finally {
    removeDir(odfDir);
    removeDir(profile);
  }
  normalizePdf(join(outDir, basename(htmlPath).replace(/\.html?$/, '.pdf')));
}

/** HTML -> PDF with headless Chromium (Skia). A throw-away profile keeps runs independent. */
export function chromiumToPdf(htmlPath, pdfPath) {
  const profile = makeTempDir('chromium-profile-');
  try {
    run('chromium', [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${profile}`,
      `--print-to-pdf=${pdfPath}`,
      '--no-pdf-header-footer',
      `file://${htmlPath}`,
    ]);
  } finally {
    removeDir(profile);
  }
  normalizePdf(pdfPath);
}

export function pdfPageCount(pdf) {
  const m = run('pdfinfo', [pdf]).match(/^Pages:\s+(\d+)/m);
  if (!m) throw new Error(`pdfinfo gave no page count for ${pdf}`);
  return Number(m[1]);
}

/** Text of each page (pdftotext -layout), as an array indexed from 0. */
export function pdfPagesText(pdf) {
  return run('pdftotext', ['-layout', pdf, '-']).split('\f').slice(0, pdfPageCount(pdf));
}

/** Words of each page with their boxes in points from the top-left (pdftotext -bbox). */
export function pdfPageWords(pdf) {
  const ent = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  const xml = run('pdftotext', ['-bbox', pdf, '-']);
  return xml
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]),
        text: m[5].replace(/&(amp|lt|gt|quot|apos);/g, (_, e) => ent[e]),
      })),
    );
}

/** Font names listed by pdffonts (empty for an image-only PDF). */
export function pdfFontNames(pdf) {
  return run('pdffonts', [pdf])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => l.split(/\s+/)[0]);
}

/**
 * Make a LibreOffice/Chromium PDF byte-stable across runs: both stamp the current time
 * into /CreationDate and /ModDate, and LibreOffice adds a random /ID and a /DocChecksum
 * over the dated content. Dates become a fixed value, ID and checksum a hash of the
 * content, each rewritten with the same number of bytes so the xref offsets stay valid.
 */
export function normalizePdf(path, fixedDate = '20240101000000') {
  let s = readFileSync(path).toString('latin1');
  s = s.replace(/(\/(?:CreationDate|ModDate)\s*\(D:)(\d{14})/g, (_, head) => head + fixedDate);
  const hexRe = /(\/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)|(\/DocChecksum\s*\/)([0-9A-Fa-f]+)/g;
  const fill = (text, hex) =>
    text.replace(hexRe, (m, a1, id1, a2, id2, a3, c1, sum) =>
      c1 ? c1 + hex(sum.length) : a1 + hex(id1.length) + a2 + hex(id2.length) + a3,
    );
  const blank = fill(s, (n) => '0'.repeat(n));
  const digest = createHash('md5').update(Buffer.from(blank, 'latin1')).digest('hex').toUpperCase();
  s = fill(s, (n) => digest.repeat(Math.ceil(n / digest.length)).slice(0, n));
  writeFileSync(path, Buffer.from(s, 'latin1'));
}
