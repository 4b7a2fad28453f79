import { randomUUID } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { type AnswerContext, answerContext, type ForecastInput } from '../../shared/index';

/**
 * An engine input as the slices of one forecast send it to the engine threads: serialised once
 * into shared memory (no copy per slice), with a key each thread reads it by. A thread that runs
 * several slices of the same input parses it once and keeps the same object (see
 * {@link sharedInputOf}), so what is compiled from it is compiled once per thread (see
 * {@link compiledContext}).
 */
export interface SharedInput {
  key: string;
  bytes: SharedArrayBuffer;
}

/** `input` serialised into shared memory under a new key. */
export const shareInput = (input: ForecastInput): SharedInput => {
  const data = serialize(input);
  const bytes = new SharedArrayBuffer(data.byteLength);
  new Uint8Array(bytes).set(data);
  return { key: randomUUID(), bytes };
};

/** The last input this thread read (one forecast's slices run one after another on a thread). */
let last: { key: string; input: ForecastInput } | undefined;

/** The input of a {@link SharedInput}: the same object for every slice of it this thread runs in a row. */
export const sharedInputOf = (shared: SharedInput): ForecastInput => {
  if (last?.key !== shared.key) last = { key: shared.key, input: deserialize(new Uint8Array(shared.bytes)) };
  return last.input;
};

const contexts = new WeakMap<ForecastInput, AnswerContext>();

/**
 * The input's compiled {@link AnswerContext} (the whole org's timeline and central parameters,
 * week dates), built once per input object: the slices of one input on a thread share it. Read
 * only: the answers and the mean path copy what they change.
 */
export const compiledContext = (input: ForecastInput): AnswerContext => {
  let ctx = contexts.get(input);
  if (!ctx) {
    ctx = answerContext(input);
    contexts.set(input, ctx);
  }
  return ctx;
};
