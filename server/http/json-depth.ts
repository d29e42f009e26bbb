import type { MiddlewareHandler } from 'hono';
import { errorBody } from './errors.ts';

/** The deepest nesting of arrays and objects a request body may have: far beyond any real request, far below the stack. */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Where JSON text nests deeper than `max`, as a dotted path (its first segments), or undefined when it does not.
 * One pass before anything parses or walks the value, so a deep body costs no more than a long one; strings are
 * skipped with indexOf, and keys are kept as positions, sliced only to name the place.
 */
export function tooDeepAt(text: string, max: number): string | undefined {
  // Per open container: an array's next index, or an object's last key as [start, end).
  const isArray: boolean[] = [];
  const index: number[] = [];
  const keyStart: number[] = [];
  const keyEnd: number[] = [];
  let depth = 0;
  let expectKey = false;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === QUOTE) {
      const start = i + 1;
      let end = text.indexOf('"', start);
      // A quote after an odd run of backslashes is escaped: look further.
      while (end > 0) {
        let slashes = 0;
        for (let j = end - 1; text.charCodeAt(j) === BACKSLASH; j--) slashes++;
        if (slashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      if (end < 0) return undefined;
      if (expectKey && depth > 0 && !isArray[depth - 1]) {
        keyStart[depth - 1] = start;
        keyEnd[depth - 1] = end;
        expectKey = false;
      }
      i = end;
    } else if (ch === 0x7b || ch === 0x5b) {
      if (depth >= max) {
        const keys: string[] = [];
        for (let d = 0; d < Math.min(depth, 7); d++)
          keys.push(isArray[d] ? String(index[d]) : text.slice(keyStart[d] as number, keyEnd[d] as number));
        return depth > 6 ? `${keys.slice(0, 6).join('.')}.…` : keys.join('.');
      }
      isArray[depth] = ch === 0x5b;
      index[depth] = 0;
      keyStart[depth] = 0;
      keyEnd[depth] = 0;
      depth++;
      expectKey = ch === 0x7b;
    } else if (ch === 0x7d || ch === 0x5d) {
      depth--;
      expectKey = false;
    } else if (ch === 0x2c && depth > 0) {
      if (isArray[depth - 1]) index[depth - 1] = (index[depth - 1] as number) + 1;
      else expectKey = true;
    }
  }
  return undefined;
}

/**
 * Refuses, 400 JSON_TOO_DEEP naming the field, a JSON body nested deeper than {@link MAX_JSON_DEPTH}: checking
 * facts, storing them or writing an error about them would otherwise recurse until the stack runs out (a 500).
 */
export function limitJsonDepth(max = MAX_JSON_DEPTH): MiddlewareHandler {
  return async (c, next) => {
    const type = c.req.header('content-type') ?? '';
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && /^application\/(.+\+)?json\b/i.test(type)) {
      const text = await c.req.text();
      const at = tooDeepAt(text, max);
      parseOnceFrom(c.req.bodyCache, text);
      if (at !== undefined)
        return c.json(
          errorBody('JSON_TOO_DEEP', `the body nests deeper than ${max} levels at ${at || 'its top'}: flatten it`, {
            field: at,
            max_depth: max,
          }),
          400,
        );
    }
    await next();
  };
}

/**
 * Lets the JSON validator parse the text already read with JSON.parse, on first ask: otherwise Hono re-reads a cached
 * text through a new Response, which costs more than the parse. Not enumerable, so Hono's other readers still take
 * the text; a parse error rejects, which the validator answers as malformed JSON, as before.
 */
function parseOnceFrom(cache: { json?: unknown }, text: string): void {
  let parsed: Promise<unknown> | undefined;
  Object.defineProperty(cache, 'json', {
    configurable: true,
    enumerable: false,
    get: () => {
      parsed ??= new Promise((resolve) => resolve(JSON.parse(text)));
      return parsed;
    },
  });
}
