import { defineConfig } from 'drizzle-kit';

/** `npm run db:generate` writes a new SQL migration into drizzle/ from server/db/schema.ts and alerts-schema.ts. */
export default defineConfig({
  dialect: 'turso',
  schema: ['./server/db/schema.ts', './server/db/alerts-schema.ts'],
  out: './drizzle',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'file:./data/reviewload.db' },
});
