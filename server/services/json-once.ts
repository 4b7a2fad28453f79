/**
 * JSON.stringify's text of plain data (objects, arrays, strings, numbers, booleans, null; no
 * toJSON), each array stringified once however often the value holds it: a mean path's band
 * holds one array as p10, p50 and p90, and writing numbers as text is most of the cost of
 * storing a forecast.
 */
export const jsonOnce = (value: unknown, seen = new Map<unknown[], string>()): string => {
  if (Array.isArray(value)) {
    let text = seen.get(value);
    if (text === undefined) {
      text = JSON.stringify(value);
      seen.set(value, text);
    }
    return text;
  }
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const fields: string[] = [];
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue;
    fields.push(`${JSON.stringify(key)}:${jsonOnce(field, seen)}`);
  }
  return `{${fields.join(',')}}`;
};
