/** One compared scenario version: `id@version`. */
export interface ComparedRef {
  id: string;
  version: number;
}

/** Most versions one comparison overlays. */
export const MAX_COMPARED = 4;

/** `?s=a@2,b@5` as scenario versions (malformed items left out, at most {@link MAX_COMPARED}). */
export function parseCompared(text: string | undefined): ComparedRef[] {
  if (!text) return [];
  const refs: ComparedRef[] = [];
  for (const item of text.split(',')) {
    const at = item.lastIndexOf('@');
    const version = Number(item.slice(at + 1));
    if (at > 0 && Number.isInteger(version) && version >= 1) refs.push({ id: item.slice(0, at), version });
  }
  return refs.slice(0, MAX_COMPARED);
}

/** The `s` parameter of a selection. */
export const comparedQuery = (refs: readonly ComparedRef[]): string =>
  refs.map((ref) => `${ref.id}@${ref.version}`).join(',');
