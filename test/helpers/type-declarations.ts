import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** An object type written out in source: `interface Name { … }` or `type Name = { … }`. */
export interface TypeDeclaration {
  file: string;
  name: string;
  /** Its own property names (not those of nested object types). */
  properties: string[];
}

const declarationStart =
  /(?:interface\s+(\w+)(?:<[^>{]*>)?(?:\s+extends\s+[^{]+)?|type\s+(\w+)(?:<[^>=]*>)?\s*=)\s*\{/g;

/** The text from the `{` at `open` to its matching `}`. */
function braceBlock(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

/** The top-level property names of an object type's body. */
function propertyNames(body: string): string[] {
  let flat = body;
  for (
    let inner = flat.replace(/\{[^{}]*\}/g, '0');
    inner !== flat;
    inner = flat.replace(/\{[^{}]*\}/g, '0')
  ) {
    flat = inner;
  }
  return [...flat.matchAll(/(?:^|[;,\n])\s*(?:readonly\s+)?(\w+)\??\s*:/g)].map((match) => match[1]!);
}

/** Every object type declared in one TypeScript source text, comments left out. */
export function typeDeclarations(file: string, source: string): TypeDeclaration[] {
  const text = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  return [...text.matchAll(declarationStart)].map((match) => ({
    file,
    name: (match[1] ?? match[2])!,
    properties: propertyNames(braceBlock(text, match.index + match[0].length - 1)),
  }));
}

/** The .ts and .tsx files below `folder`, as paths relative to `root`. */
export function sourceFiles(root: string, folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

/** Every object type declared in the source files below `folders`. */
export const declarationsIn = (root: string, folders: string[]): TypeDeclaration[] =>
  folders
    .flatMap((folder) => sourceFiles(root, folder))
    .flatMap((file) => typeDeclarations(file, readFileSync(join(root, file), 'utf8')));
