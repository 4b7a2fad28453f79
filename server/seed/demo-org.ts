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
 * Level mix of a large engineering org: juniors and mids author most changes; seniors and
 * principals, who may sign off AI-assisted changes, are about two fifths of staff, enough that
 * a team is healthy before any scenario event. Mids take whatever the other shares leave.
 */
const levelShares = { junior: 0.22, senior: 0.31, principal: 0.08 } as const;
const levels = ['junior', 'mid', 'senior', 'principal'] as const;

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

/**
 * Levels of a team of `size`: each share of {@link levelShares} varied by up to ±15%, at least one
 * principal (the team lead, first), mids taking the remainder; the rest in seeded random order.
 * Teams are staffed like a healthy org today, so breaches come from the scenario, not the seed.
 */
function teamLevels(size: number, random: () => number): string[] {
  const count = (share: number) => Math.round(size * share * (0.85 + random() * 0.3));
  const principals = Math.max(1, count(levelShares.principal));
  const seniors = count(levelShares.senior);
  const juniors = count(levelShares.junior);
  const rest = [
    ...Array<string>(seniors).fill('senior'),
    ...Array<string>(juniors).fill('junior'),
    ...Array<string>(Math.max(0, size - principals - seniors - juniors)).fill('mid'),
    ...Array<string>(principals - 1).fill('principal'),
  ];
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  return ['principal', ...rest];
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
      for (const level of teamLevels(size, random)) {
        serial += 1;
        const externalId = `E${String(serial).padStart(5, '0')}`;
        engineers.push({
          externalId,
          level,
          hireDate: isoDate(Math.floor(random() * 4500)),
          managerId: lead,
        });
        lead ??= externalId;
      }
      const headcount: Headcount = Object.fromEntries(levels.map((level) => [level, 0]));
      for (const e of engineers) headcount[e.level] = (headcount[e.level] ?? 0) + 1;
      teams.push({ name, engineers, headcount });
    }
  }
  return teams;
}
