import { fileURLToPath } from 'node:url';
import { buildApp } from './build-app';

/** `npm run build`: the compiled server and the web app into dist/. */
await buildApp(fileURLToPath(new URL('..', import.meta.url)));
