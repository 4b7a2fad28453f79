import { describe, expect, it } from 'vitest';
import type { ScenarioEventInput } from '../../shared';
import { affectsTeam } from '../../web/charts/chart-events';

const events: Record<string, ScenarioEventInput> = {
  'layoff of every team': { type: 'layoff', date: '2027-01-04', percent: 10 },
  'layoff of checkout and search': {
    type: 'layoff',
    date: '2027-01-04',
    percent: 10,
    teamIds: ['checkout', 'search'],
  },
  'hire into checkout': { type: 'hire', date: '2027-02-01', teamId: 'checkout', level: 'senior', count: 2 },
  'hire into search': { type: 'hire', date: '2027-02-01', teamId: 'search', level: 'senior', count: 2 },
  'promotion in search': {
    type: 'promotion',
    date: '2027-03-01',
    teamId: 'search',
    fromLevel: 'mid',
    toLevel: 'senior',
    count: 1,
  },
  'review policy': {
    type: 'review-policy',
    date: '2027-03-01',
    rules: { junior: { ai: true, human: false } },
  },
};

describe('events marked on one team’s charts', () => {
  it.each([
    ['layoff of every team', true],
    ['layoff of checkout and search', true],
    ['hire into checkout', true],
    ['hire into search', false],
    ['promotion in search', false],
    ['review policy', true],
  ])('%s changes the Checkout team: %s', (name, expected) => {
    expect(affectsTeam(events[name]!, 'checkout')).toBe(expected);
  });
});
