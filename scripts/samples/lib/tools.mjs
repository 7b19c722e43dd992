// Thin wrappers around the external programs the sample generator shells out to.
// Every call is synchronous: the generator is a build script, run rarely, and a
// linear log is easier to follow than interleaved async output.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

/** Font names listed by pdffonts (empty for an image-only PDF). */
export function pdfFontNames(pdf) {
  return run('pdffonts', [pdf])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => l.split(/\s+/)[0]);
}
