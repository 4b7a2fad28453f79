/** The drizzle schema: every table, one module per area (drizzle-kit reads this entry). */
export * from './audit-schema';
export * from './auth-schema';
export * from './calibration-schema';
export * from './github-schema';
export * from './history-schema';
export * from './jobs-schema';
export * from './org-schema';
export * from './scenario-schema';
export * from './thresholds-schema';
