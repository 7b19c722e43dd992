/**
 * The part of a PDF graphics state both operator-list walkers (text runs and graphics) follow: the
 * current transformation matrix, saved and restored, changed by `cm` and by form XObjects.
 */
import type { PdfJs } from "./open-document.js";

export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

export const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

export const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

/** Whether an operator is one nextGraphicsState() handles. */
export function isStateOp(OPS: PdfJs["OPS"], fn: number | undefined): boolean {
  return (
    fn === OPS.save ||
    fn === OPS.restore ||
    fn === OPS.transform ||
    fn === OPS.paintFormXObjectBegin ||
    fn === OPS.paintFormXObjectEnd
  );
}

/** The state after a save/restore/transform/form operator (`stack` is updated in place). */
export function nextGraphicsState<S extends { ctm: Matrix }>(
  OPS: PdfJs["OPS"],
  fn: number | undefined,
  args: unknown[] | null,
  state: S,
  stack: S[],
): S {
  switch (fn) {
    case OPS.save:
      stack.push(state);
      return { ...state };
    case OPS.restore:
      return stack.pop() ?? state;
    case OPS.transform:
      return { ...state, ctm: multiply(state.ctm, args as Matrix) };
    case OPS.paintFormXObjectBegin: {
      stack.push(state);
      const m = (args?.[0] as Matrix | null) ?? null;
      return { ...state, ctm: m ? multiply(state.ctm, m) : state.ctm };
    }
    case OPS.paintFormXObjectEnd:
      return stack.pop() ?? state;
    default:
      return state;
  }
}
