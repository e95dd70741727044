import { orderedMap } from './ordered-map';

async function* numbers(n: number, pulled: number[]): AsyncGenerator<number> {
  for (let i = 0; i < n; i += 1) {
    pulled.push(i);
    yield i;
  }
}

describe('orderedMap', () => {
  it('keeps the source order whatever order the calls finish in', async () => {
    const out: number[] = [];
    for await (const x of orderedMap(numbers(20, []), async (i) => {
      await new Promise((r) => setTimeout(r, (20 - i) % 7));
      return i * 2;
    }, 4)) out.push(x);
    expect(out).toEqual(Array.from({ length: 20 }, (_, i) => i * 2));
  });

  it('reads no further ahead than its window', async () => {
    const pulled: number[] = [];
    const iterator = orderedMap(numbers(100, pulled), async (i) => i, 5)[Symbol.asyncIterator]();
    await iterator.next();
    expect(pulled.length).toBeLessThanOrEqual(6);
    await iterator.return?.(undefined);
  });
});
