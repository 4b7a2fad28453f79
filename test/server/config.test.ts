import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

describe('loadConfig', () => {
  it('uses port 8787, loopback and the embedded database file when nothing is set', () => {
    const config = loadConfig({}, '1.2.3');
    expect(config).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      databaseUrl: 'file:./data/reviewload.db',
      version: '1.2.3',
    });
  });

  it('reads PORT, HOST and DATABASE_URL overrides', () => {
    const config = loadConfig(
      { PORT: '9000', HOST: '0.0.0.0', DATABASE_URL: 'libsql://db.example:8080' },
      'x',
    );
    expect(config).toMatchObject({ port: 9000, host: '0.0.0.0', databaseUrl: 'libsql://db.example:8080' });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '80.5'],
    ['DATABASE_URL', 'postgres://x'],
    ['ADMIN_EMAIL', 'not-an-email'],
  ])('rejects %s=%s naming the variable', (variable, value) => {
    const attempt = () => loadConfig({ [variable]: value }, 'x');
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`^${variable}: `));
  });

  it('runs 500 Monte Carlo runs by default and FORECAST_DEFAULT_RUNS when set, from 1 to 2000', () => {
    expect(loadConfig({}, 'x').forecasts.defaultRuns).toBe(500);
    expect(loadConfig({ FORECAST_DEFAULT_RUNS: '100' }, 'x').forecasts.defaultRuns).toBe(100);
    for (const value of ['0', '2001', '12.5', 'many'])
      expect(() => loadConfig({ FORECAST_DEFAULT_RUNS: value }, 'x')).toThrow(/^FORECAST_DEFAULT_RUNS: /);
  });

  it('warms up the plans of record at start unless FORECAST_WARM_UP is false, and names the variable otherwise', () => {
    expect(loadConfig({}, 'x').forecasts.warmUp).toBe(true);
    expect(loadConfig({ FORECAST_WARM_UP: 'false' }, 'x').forecasts.warmUp).toBe(false);
    expect(loadConfig({ FORECAST_WARM_UP: 'true' }, 'x').forecasts.warmUp).toBe(true);
    expect(() => loadConfig({ FORECAST_WARM_UP: 'off' }, 'x')).toThrow(
      'FORECAST_WARM_UP: must be true or false',
    );
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }, 'x').port).toBe(8787);
  });
});
