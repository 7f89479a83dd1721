import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates SQL here; the server applies ./drizzle at start with its own migrator.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/platform/db/schema.ts',
  out: './drizzle',
});
