const encoder = new TextEncoder();

/**
 * A byte stream over generated pieces (text is sent as UTF-8), each produced only when the
 * client is ready for it; a client that goes away ends the generator.
 */
export const pullStream = (
  pieces: AsyncGenerator<Uint8Array | string> | Generator<Uint8Array | string>,
): ReadableStream<Uint8Array> =>
  new ReadableStream({
    async pull(controller) {
      const next = await pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(typeof next.value === 'string' ? encoder.encode(next.value) : next.value);
    },
    async cancel() {
      await pieces.return(undefined);
    },
  });
