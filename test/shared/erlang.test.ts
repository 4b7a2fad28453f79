import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, meanWait, requiredServers, serviceLevel } from '../../shared/index';

describe('erlangB and erlangC', () => {
  it('reproduce C(14, 10) = 0.1741 from calibration.md', () => {
    expect(erlangC(14, 10)).toBeCloseTo(0.1741, 4);
  });

  it('erlangC is 1 when servers do not exceed traffic', () => {
    expect(erlangC(10, 10)).toBe(1);
    expect(erlangC(3, 7.5)).toBe(1);
  });

  it('erlangB follows its recursion definition for small cases', () => {
    expect(erlangB(0, 3)).toBe(1);
    expect(erlangB(1, 1)).toBeCloseTo(0.5, 12);
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 12);
    expect(erlangB(5, 0)).toBe(0);
  });

  it('stays finite and within 0-1 at 10,000 servers', () => {
    const c = erlangC(10_000, 9_900);
    expect(Number.isFinite(c)).toBe(true);
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(1);
  });

  it('rejects invalid inputs with a RangeError naming the parameter', () => {
    expect(() => erlangC(10, -1)).toThrow(new RangeError('erlangC: traffic must be a finite number >= 0'));
    expect(() => erlangC(1.5, 1)).toThrow(/erlangC: servers must be a whole number/);
    expect(() => erlangB(3, Number.NaN)).toThrow(/erlangB: traffic/);
  });
});

describe('serviceLevel and meanWait', () => {
  it('give SL 0.888 for 14 servers at 10 Erlangs, 3 min service, 0.33 min target', () => {
    expect(serviceLevel({ servers: 14, traffic: 10, serviceTime: 3, targetTime: 0.33 })).toBeCloseTo(
      0.888,
      3,
    );
  });

  it('give mean wait 122.754045 s and queue length 1.636721 for c = 10, 600 s service, arrival every 75 s', () => {
    const wait = meanWait({ servers: 10, traffic: 600 / 75, serviceTime: 600 });
    expect(Math.abs(wait - 122.754045)).toBeLessThan(1e-6);
    expect(Math.abs(wait / 75 - 1.636721)).toBeLessThan(1e-6);
  });

  it('give 73.586688 s at arrivals every 80 s and 3443.742325 s at every 61 s', () => {
    expect(Math.abs(meanWait({ servers: 10, traffic: 600 / 80, serviceTime: 600 }) - 73.586688)).toBeLessThan(
      1e-6,
    );
    expect(
      Math.abs(meanWait({ servers: 10, traffic: 600 / 61, serviceTime: 600 }) - 3443.742325),
    ).toBeLessThan(1e-6);
  });

  it('apply the Allen-Cunneen factor: 200, 320 and 520 for cs^2 = 0.25, 1, 2.25 on one server', () => {
    const base = { servers: 1, traffic: 0.01 / 0.0125, serviceTime: 1 / 0.0125, arrivalCv: 1 };
    expect(meanWait({ ...base, serviceCv: 0.5 })).toBeCloseTo(200, 9);
    expect(meanWait({ ...base, serviceCv: 1 })).toBeCloseTo(320, 9);
    expect(meanWait({ ...base })).toBeCloseTo(320, 9);
    expect(meanWait({ ...base, serviceCv: 1.5 })).toBeCloseTo(520, 9);
  });

  it('are 0 and Infinity when servers do not exceed traffic', () => {
    expect(serviceLevel({ servers: 5, traffic: 5, serviceTime: 1, targetTime: 1 })).toBe(0);
    expect(meanWait({ servers: 5, traffic: 6, serviceTime: 1 })).toBe(Number.POSITIVE_INFINITY);
  });

  it('reject a non-positive service time by name', () => {
    expect(() => meanWait({ servers: 2, traffic: 1, serviceTime: 0 })).toThrow(
      /meanWait: serviceTime must be a finite number > 0/,
    );
    expect(() => serviceLevel({ servers: 2, traffic: 1, serviceTime: 1, targetTime: -1 })).toThrow(
      /serviceLevel: targetTime/,
    );
  });
});

describe('requiredServers', () => {
  const check = { traffic: 10, serviceTime: 3, targetTime: 0.33, serviceLevel: 0.8, maxOccupancy: 0.85 };

  it('finds 14 servers, C = 0.1741, SL = 0.888 and 20 positions at shrinkage 0.3', () => {
    const result = requiredServers({ ...check, shrinkage: 0.3 });
    expect(result.servers).toBe(14);
    expect(result.waitProbability).toBeCloseTo(0.1741, 4);
    expect(result.serviceLevel).toBeCloseTo(0.888, 3);
    expect(result.occupancy).toBeCloseTo(10 / 14, 12);
    expect(result.positions).toBe(20);
  });

  it('turns 21 servers at shrinkage 0.3 into 30 positions, not 31', () => {
    const result = requiredServers({
      traffic: 20,
      serviceTime: 1,
      targetTime: 10,
      serviceLevel: 0,
      shrinkage: 0.3,
    });
    expect(result.servers).toBe(21);
    expect(result.positions).toBe(30);
  });

  it('searches from the true minimum: one server can carry 0.6 Erlangs', () => {
    expect(
      requiredServers({ traffic: 0.6, serviceTime: 1, targetTime: 100, serviceLevel: 0.8 }).servers,
    ).toBe(1);
  });

  it('meets the occupancy cap even when the service level is easy', () => {
    const result = requiredServers({
      traffic: 10,
      serviceTime: 1,
      targetTime: 1000,
      serviceLevel: 0.1,
      maxOccupancy: 0.5,
    });
    expect(result.servers).toBe(20);
  });

  it('solves 10,000 Erlangs with servers above the traffic', () => {
    const result = requiredServers({ traffic: 10_000, serviceTime: 1, targetTime: 0.1, serviceLevel: 0.9 });
    expect(result.servers).toBeGreaterThan(10_000);
    expect(result.serviceLevel).toBeGreaterThanOrEqual(0.9);
    expect(requiredServers({ traffic: 10_000, serviceTime: 1, targetTime: 0.1, serviceLevel: 0.9 })).toEqual(
      result,
    );
  });

  it('rejects a service level above 1 by name', () => {
    expect(() => requiredServers({ ...check, serviceLevel: 1.5 })).toThrow(/requiredServers: serviceLevel/);
  });

  it('names the bad queue argument and its bound', () => {
    expect(() => requiredServers({ ...check, traffic: -1 })).toThrow(
      'requiredServers: traffic must be a finite number >= 0',
    );
    expect(() => requiredServers({ ...check, serviceTime: 0 })).toThrow(
      'requiredServers: serviceTime must be a finite number > 0',
    );
    expect(() => requiredServers({ ...check, targetTime: -1 })).toThrow(
      'requiredServers: targetTime must be a finite number >= 0',
    );
    expect(() => requiredServers({ ...check, maxOccupancy: 0 })).toThrow(
      /^requiredServers: maxOccupancy must/,
    );
    expect(() => requiredServers({ ...check, shrinkage: 1 })).toThrow(
      'requiredServers: shrinkage must be a finite number between 0 and 0.99',
    );
  });

  it('needs one server for no traffic, whose arrivals never wait, even at a 100% service level', () => {
    expect(requiredServers({ traffic: 0, serviceTime: 1, targetTime: 0, serviceLevel: 1 })).toEqual({
      servers: 1,
      positions: 1,
      serviceLevel: 1,
      occupancy: 0,
      waitProbability: 0,
    });
  });
});
