import type { Headcount } from '../db/schema';

/** A team of the demo org with its roster; the same on every machine. */
export interface DemoTeam {
  name: string;
  engineers: { externalId: string; level: string; hireDate: string; managerId: string | undefined }[];
  headcount: Headcount;
}

/** Team names grouped by area, as a retail company's engineering org would have them. */
const areas = {
  Commerce: [
    'Checkout',
    'Payments',
    'Pricing',
    'Promotions',
    'Catalog',
    'Search',
    'Recommendations',
    'Reviews',
  ],
  Fulfilment: ['Inventory', 'Warehouse Systems', 'Shipping', 'Returns', 'Last Mile', 'Forecasting'],
  Platform: ['Identity', 'API Gateway', 'Data Platform', 'Streaming', 'Storage', 'Compute', 'Observability'],
  Devices: ['Mobile iOS', 'Mobile Android', 'Web Storefront', 'Design System', 'Accessibility'],
  Finance: ['Billing', 'Ledger', 'Tax', 'Cost Calculation', 'Procurement'],
  Trust: ['Fraud', 'Security Engineering', 'Privacy', 'Compliance'],
  People: ['HR Systems', 'Internal Tools', 'Developer Experience', 'Release Engineering', 'Site Reliability'],
} as const;

/**
 * Level mix of a large engineering org: juniors and mids author most changes, seniors and
 * principals are a third of staff (industry ladders; the seed story's ~350k-staff company, R44).
 */
const levelMix = [
  ['junior', 0.24],
  ['mid', 0.4],
  ['senior', 0.28],
  ['principal', 0.08],
] as const;

/** mulberry32: a tiny seeded generator so the demo org is identical on every machine. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickLevel(u: number): string {
  let acc = 0;
  for (const [level, share] of levelMix) {
    acc += share;
    if (u < acc) return level;
  }
  return 'mid';
}

function isoDate(daysAfter2014: number): string {
  return new Date(Date.UTC(2014, 0, 1) + daysAfter2014 * 86_400_000).toISOString().slice(0, 10);
}

/** Builds the demo org: 40 teams across 7 areas, about 2,000 engineers with hire dates from 2014 to 2026. */
export function buildDemoOrg(): DemoTeam[] {
  const random = seeded(20260301);
  const teams: DemoTeam[] = [];
  let serial = 0;
  for (const names of Object.values(areas)) {
    for (const name of names) {
      const size = 28 + Math.floor(random() * 45);
      const engineers: DemoTeam['engineers'] = [];
      let lead: string | undefined;
      for (let i = 0; i < size; i++) {
        serial += 1;
        const externalId = `E${String(serial).padStart(5, '0')}`;
        const level = i === 0 ? 'principal' : pickLevel(random());
        engineers.push({
          externalId,
          level,
          hireDate: isoDate(Math.floor(random() * 4500)),
          managerId: lead,
        });
        lead ??= externalId;
      }
      const headcount: Headcount = Object.fromEntries(levelMix.map(([level]) => [level, 0]));
      for (const e of engineers) headcount[e.level] = (headcount[e.level] ?? 0) + 1;
      teams.push({ name, engineers, headcount });
    }
  }
  return teams;
}
