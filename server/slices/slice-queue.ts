import { deserialize, serialize } from 'node:v8';
import { Redis } from 'ioredis';
import type { Slice } from '../../shared/index';
import type { EnginePart } from '../services/engine-tasks';

/** The BullMQ queue forecast slices go through. */
export const sliceQueueName = 'reviewload-slices';

/** Redis keys of one split forecast: its engine input, and each slice's part. */
export const inputKey = (forecastId: string) => `reviewload:forecast:${forecastId}:input`;
export const partKey = (forecastId: string, index: number) =>
  `reviewload:forecast:${forecastId}:part:${index}`;

/** How long a forecast's input and parts stay in Redis if nobody collects them (seconds). */
export const keyTtlSeconds = 24 * 60 * 60;

/** One slice job: which forecast (its input is at {@link inputKey}), which slice of its plan. */
export interface SliceJobData {
  forecastId: string;
  index: number;
  slice: Slice;
}

/** A slice part as bytes (v8 serialisation keeps every float exactly) and back. */
export const encodePart = (part: EnginePart): Buffer => serialize(part);
export const decodePart = (bytes: Buffer): EnginePart => deserialize(bytes) as EnginePart;

/** A Redis connection as BullMQ wants it (commands wait for a reconnect instead of failing). */
export const redisConnection = (url: string): Redis => new Redis(url, { maxRetriesPerRequest: null });
