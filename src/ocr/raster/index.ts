/** Image processing for scanned pages before OCR: pure functions on 8-bit grayscale buffers. */
export { type BinarizeOptions, binarize, defaultBinarizeWindow } from "./binarize.js";
export { type InkComponents, inkComponents } from "./components.js";
export { type DenoiseOptions, defaultMinSpeckArea, denoise } from "./denoise.js";
export { estimateSkew } from "./deskew.js";
export { cloneGray, createGray, crop, type GrayImage, INK_THRESHOLD, rgbaToGray } from "./gray-image.js";
export { toPgm } from "./pgm.js";
export { normalizeTurn, type QuarterTurn, quarterTurn, turnBox, turnPoint } from "./quarter-turn.js";
export { removeRulings } from "./remove-rulings.js";
export { rotate } from "./rotate.js";
export { defaultMinLength, type FindRulingsOptions, findRulings, type PixelLine } from "./rulings.js";
export { scale } from "./scale.js";
export { estimateTextHeight } from "./text-height.js";
