import { isValid, parseISO } from 'date-fns';
import { z } from 'zod';

/** A finite number in [min, max], with messages that name the rule. */
export const boundedNumber = (min: number, max: number) =>
  z
    .number({ error: 'must be a number' })
    .min(min, { error: `must be between ${min} and ${max}` })
    .max(max, { error: `must be between ${min} and ${max}` });

/** A whole number in [min, max]. */
export const boundedInt = (min: number, max: number) =>
  boundedNumber(min, max).int({ error: `must be a whole number between ${min} and ${max}` });

/** Identifier used for teams and levels: 1-64 letters, digits, '-', '_' or '.'. */
export const identifier = z
  .string({ error: 'must be a string' })
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, { error: 'must be 1-64 letters, digits, "-", "_" or "."' });

/** A calendar date as `YYYY-MM-DD` (ISO 8601), validated as a real date. */
export const isoDate = z
  .string({ error: 'must be a string' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be an ISO date (YYYY-MM-DD)' })
  .refine((value) => isValid(parseISO(value)), { error: 'must be a real calendar date' });

/** A human-readable name, 1-120 characters. */
export const displayName = z
  .string({ error: 'must be a string' })
  .min(1, { error: 'must not be empty' })
  .max(120, { error: 'must be at most 120 characters' });
