import type { FakePull } from '../helpers/fake-github';

/** The token the bench's fake GitHub expects. */
export const benchToken = 'ghp_benchToken';

const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');
const start = Date.parse('2024-01-01T09:00:00Z');

/** 5,000 merged pull requests of 40 developers, one an hour, each with a comment and an approval. */
export const benchPulls: FakePull[] = Array.from({ length: 5_000 }, (_, i) => {
  const created = start + i * 3_600_000;
  return {
    number: i + 1,
    login: `dev${i % 40}`,
    created: iso(created),
    updated: iso(created + 7_200_000),
    merged: iso(created + 7_200_000),
    additions: i % 97,
    deletions: i % 13,
    reviews: [
      { login: `dev${(i + 1) % 40}`, state: 'COMMENTED', at: iso(created + 1_800_000) },
      { login: `dev${(i + 2) % 40}`, state: 'APPROVED', at: iso(created + 3_600_000) },
    ],
  };
});
