/** Rows of every roster a crash trial imports. */
export const rosterRows = 50_000;

const levels = ['junior', 'mid', 'senior', 'principal'];

/** A 50,000-row roster CSV whose employee ids all start with `tag-`, so a trial's rows are recognisable. */
export const rosterCsv = (tag: string) =>
  `employee_id,team,level,hire_date,manager_id\n${Array.from(
    { length: rosterRows },
    (_, i) => `${tag}-${i},Team ${i % 40},${levels[i % 4]},2022-05-02,${i ? `${tag}-0` : ''}`,
  ).join('\n')}\n`;

/** The largest scenario body the schema accepts (500 events, 2,000-character description), distinct per trial. */
export const scenarioBody = (trial: number) => ({
  name: `Trial ${trial}`,
  description: `Crash trial ${trial} `.repeat(100).slice(0, 2000),
  events: Array.from({ length: 500 }, (_, i) => ({
    type: 'layoff' as const,
    date: `2026-${String((i % 12) + 1).padStart(2, '0')}-05`,
    percent: (trial + i) % 50,
    note: `event ${i} of trial ${trial}`,
  })),
});
