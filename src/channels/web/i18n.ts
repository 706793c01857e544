// How a console request picks its language, and the console's words (core/catalogue/console.ts) in it.
import type { Context } from 'hono';
import { CONSOLE, type Words } from '../../core/catalogue/console.ts';
import type { Lang } from '../../core/types.ts';

export type { Words };

export function words(lang: Lang): Words {
  return CONSOLE[lang];
}

/** `?lang=en` switches to English; anything else is Vietnamese. */
export function langOf(c: Context): Lang {
  return c.req.query('lang') === 'en' ? 'en' : 'vi';
}

/** A link inside the console that keeps the page's language. */
export function href(
  path: string,
  lang: Lang,
  params: Record<string, string | null | undefined> = {},
): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, v);
  if (lang === 'en') q.set('lang', 'en');
  const text = q.toString();
  return text ? `${path}?${text}` : path;
}
