import type { MiddlewareHandler } from 'hono';
import { errorBody } from './errors.ts';

/** The deepest nesting of arrays and objects a request body may have: far beyond any real request, far below the stack. */
export const MAX_JSON_DEPTH = 32;

/**
 * Where JSON text nests deeper than `max`, as a dotted path (its first segments), or undefined when it does not.
 * One pass over the characters, before anything parses or walks the value, so a deep body costs no more than a long one.
 */
export function tooDeepAt(text: string, max: number): string | undefined {
  const stack: { array: boolean; key: string | number }[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22) {
      const start = i + 1;
      for (i++; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x5c) i++;
        else if (c === 0x22) break;
      }
      const top = stack[stack.length - 1];
      if (top && !top.array && expectKey) {
        top.key = text.slice(start, i);
        expectKey = false;
      }
    } else if (ch === 0x7b || ch === 0x5b) {
      if (stack.length >= max) {
        const keys = stack.map((s) => String(s.key));
        return keys.length > 6 ? `${keys.slice(0, 6).join('.')}.…` : keys.join('.');
      }
      stack.push({ array: ch === 0x5b, key: ch === 0x5b ? 0 : '' });
      expectKey = ch === 0x7b;
    } else if (ch === 0x7d || ch === 0x5d) {
      stack.pop();
      expectKey = false;
    } else if (ch === 0x2c) {
      const top = stack[stack.length - 1];
      if (top?.array) top.key = (top.key as number) + 1;
      else if (top) expectKey = true;
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
      const at = tooDeepAt(await c.req.text(), max);
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
