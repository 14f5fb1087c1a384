import type { Language } from '@regu/contracts';

/** Picks Indonesian when the client's Accept-Language prefers `id`, else English. */
export function languageOf(acceptLanguage: string | undefined): Language {
  const preferred = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const quality = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag ?? '', quality: quality ? Number(quality.slice(2)) : 1 };
    })
    .filter((entry) => entry.tag !== '' && !Number.isNaN(entry.quality))
    .sort((a, b) => b.quality - a.quality);

  for (const { tag } of preferred) {
    if (tag === 'id' || tag.startsWith('id-')) {
      return 'id';
    }
    if (tag === 'en' || tag.startsWith('en-') || tag === '*') {
      return 'en';
    }
  }
  return 'en';
}
