/**
 * Image-only PDFs made in a test: one gray scan per page, as a scanner writes them (no text layer,
 * no /Rotate), and the gray pixels of a PNG the report wrote, for comparing crops with pixels.
 */
import { deflateSync } from "node:zlib";
import type { GrayImage } from "../../src/ocr/raster/index.js";

/** A PDF with one page per image, each image covering its page of `width` × `height` points. */
export function imagePdf(
  pages: ReadonlyArray<{ image: GrayImage; width: number; height: number }>,
): Uint8Array {
  const objects: Buffer[] = [];
  const add = (body: Buffer): number => objects.push(body);
  const catalog = add(Buffer.alloc(0));
  const tree = add(Buffer.alloc(0));
  const kids: number[] = [];
  for (const p of pages) {
    const pixels = deflateSync(Buffer.from(p.image.data));
    const image = add(
      Buffer.concat([
        Buffer.from(
          `<< /Type /XObject /Subtype /Image /Width ${p.image.width} /Height ${p.image.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${pixels.length} >>\nstream\n`,
        ),
        pixels,
        Buffer.from("\nendstream"),
      ]),
    );
    const ops = Buffer.from(`q ${p.width} 0 0 ${p.height} 0 0 cm /Im0 Do Q`);
    const content = add(
      Buffer.concat([Buffer.from(`<< /Length ${ops.length} >>\nstream\n`), ops, Buffer.from("\nendstream")]),
    );
    kids.push(
      add(
        Buffer.from(
          `<< /Type /Page /Parent ${tree} 0 R /MediaBox [0 0 ${p.width} ${p.height}] /Resources << /XObject << /Im0 ${image} 0 R >> >> /Contents ${content} 0 R >>`,
        ),
      ),
    );
  }
  objects[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${tree} 0 R >>`);
  objects[tree - 1] = Buffer.from(
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`,
  );
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n")];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((body, i) => {
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from("\nendobj\n")]);
    offsets.push(at);
    parts.push(obj);
    at += obj.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`),
    `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${at}\n%%EOF\n`,
  ].join("");
  parts.push(Buffer.from(xref));
  return new Uint8Array(Buffer.concat(parts));
}

/** The gray pixels of a PNG (`data:` URL or bytes), decoded by @napi-rs/canvas. */
export async function pngGray(png: string | Buffer): Promise<GrayImage> {
  const { createCanvas, loadImage } = await import("@napi-rs/canvas");
  const bytes =
    typeof png === "string" ? Buffer.from(png.replace(/^data:image\/png;base64,/, ""), "base64") : png;
  const img = await loadImage(bytes);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(img, 0, 0);
  const rgba = ctx.getImageData(0, 0, img.width, img.height).data;
  const data = new Uint8Array(img.width * img.height);
  for (let i = 0; i < data.length; i++) data[i] = rgba[i * 4]!;
  return { width: img.width, height: img.height, data };
}
