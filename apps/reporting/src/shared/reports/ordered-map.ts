/**
 * Maps an async stream with up to `concurrency` calls of `map` in flight, yielding results in the
 * order of the source. It reads ahead no further than that window, so a slow consumer (a CSV being
 * downloaded) holds the source back instead of filling memory.
 */
export async function* orderedMap<T, R>(source: AsyncIterable<T>, map: (item: T) => Promise<R>, concurrency: number): AsyncGenerator<R> {
  const window: Promise<R>[] = [];
  for await (const item of source) {
    window.push(map(item));
    if (window.length >= concurrency) yield await window.shift()!;
  }
  while (window.length > 0) yield await window.shift()!;
}
