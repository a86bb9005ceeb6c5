import { expect } from 'vitest';
import { thrown } from '../helpers/expectClose.ts';

/**
 * A small XML well-formedness check for the SVG renderers' output (tags balanced and properly nested,
 * attributes quoted, entities known), so tests need no DOM. Returns the element names in document order.
 */
export function parseXmlElements(xml: string): string[] {
  const names: string[] = [];
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)/gy;
  let last = 0;
  for (let m = tag.exec(xml); m !== null; m = tag.exec(xml)) {
    last = tag.lastIndex;
    const [, close, name, , selfClose, text] = m;
    if (text !== undefined) {
      if (/&(?!(amp|lt|gt|quot|#39|#\d+);)/.test(text))
        throw new Error(`bad entity in text ${JSON.stringify(text.slice(0, 40))}`);
      continue;
    }
    if (close) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open ?? 'nothing'}>`);
    } else {
      names.push(name as string);
      if (!selfClose) stack.push(name as string);
    }
  }
  if (last !== xml.length) throw new Error(`unparseable XML at ${last}: ${JSON.stringify(xml.slice(last, last + 40))}`);
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('>, <')}>`);
  return names;
}

/** Counts occurrences of `needle` in `text`. */
export function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

/** Asserts the thunk throws exactly `kind` with exactly `message`. */
export function expectError(thunk: () => unknown, kind: typeof TypeError | typeof RangeError, message: string): void {
  const error = thrown(thunk);
  expect(error).toBeInstanceOf(kind);
  expect(error.message).toBe(message);
}
