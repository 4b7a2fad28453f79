import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, meanWait, serviceLevel, serviceLevelFromC } from '../../shared/engine/erlang';

/** Edge cases of the Erlang formulas, worked out by hand from their definitions. */
describe('Erlang edge cases', () => {
  it('blocks every arrival with no servers and none with servers but no traffic', () => {
    expect([erlangB(0, 0), erlangB(0, 2), erlangB(3, 0)]).toEqual([1, 1, 0]);
  });

  it('gives no service level when servers do not exceed traffic, whatever the waiting probability', () => {
    const base = { serviceTime: 1, targetTime: 1, waitProbability: 0.5 };
    expect(serviceLevelFromC({ ...base, servers: 2, traffic: 2 })).toBe(0);
    expect(serviceLevelFromC({ ...base, servers: 1, traffic: 2 })).toBe(0);
    // 1 - 0.5 e^-(3 - 2): the formula once servers exceed traffic.
    expect(serviceLevelFromC({ ...base, servers: 3, traffic: 2 })).toBeCloseTo(1 - 0.5 * Math.exp(-1), 12);
  });

  it('name the function and the parameter of a bad argument', () => {
    expect(() => erlangB(-1, 1)).toThrow('erlangB: servers must be a whole number >= 0');
    expect(() => erlangB(1, -1)).toThrow('erlangB: traffic must be a finite number >= 0');
    expect(() => erlangC(1.5, 1)).toThrow('erlangC: servers must be a whole number >= 0');
    expect(() => erlangC(1, -1)).toThrow('erlangC: traffic must be a finite number >= 0');
    const queue = { servers: 2, traffic: 1, serviceTime: 1, targetTime: 1 };
    expect(() => serviceLevel({ ...queue, servers: 1.5 })).toThrow(
      'serviceLevel: servers must be a whole number >= 0',
    );
    expect(() => serviceLevel({ ...queue, traffic: -1 })).toThrow(
      'serviceLevel: traffic must be a finite number >= 0',
    );
    expect(() => serviceLevel({ ...queue, serviceTime: 0 })).toThrow(
      'serviceLevel: serviceTime must be a finite number > 0',
    );
    expect(() => serviceLevel({ ...queue, targetTime: -1 })).toThrow(
      'serviceLevel: targetTime must be a finite number >= 0',
    );
    expect(() => meanWait({ ...queue, arrivalCv: -1 })).toThrow(
      'meanWait: arrivalCv must be a finite number >= 0',
    );
    expect(() => meanWait({ ...queue, serviceCv: -1 })).toThrow(
      'meanWait: serviceCv must be a finite number >= 0',
    );
  });

  it('weights the M/M/c wait by (ca^2 + cs^2) / 2 for each coefficient of variation', () => {
    // 2 servers, 1 Erlang: B = 0.5 / 2.5 = 0.2, C = 0.4 / 1.2 = 1/3, M/M/c wait = C h / (N - A) = 1/3.
    const queue = { servers: 2, traffic: 1, serviceTime: 1 };
    expect(meanWait({ ...queue, arrivalCv: 2, serviceCv: 0 })).toBeCloseTo(((1 / 3) * (4 + 0)) / 2, 12);
    expect(meanWait({ ...queue, arrivalCv: 0, serviceCv: 3 })).toBeCloseTo(((1 / 3) * (0 + 9)) / 2, 12);
  });

  it('waits without end when servers only match the traffic, even for deterministic arrivals and service', () => {
    expect(meanWait({ servers: 2, traffic: 2, serviceTime: 1, arrivalCv: 0, serviceCv: 0 })).toBe(
      Number.POSITIVE_INFINITY,
    );
  });
});
