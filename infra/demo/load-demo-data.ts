import { demoEvents } from './demo-events';

/** Posts the demo ledger to a running ingest app (INGEST_URL, default http://127.0.0.1:3001). */
export async function loadDemoData(ingestUrl: string): Promise<number> {
  const events = demoEvents(new Date());
  const response = await fetch(`${ingestUrl}/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-client-id': 'demo-loader' },
    body: JSON.stringify({ events }),
  });
  if (response.status !== 202) throw new Error(`demo data refused: ${response.status} ${await response.text()}`);
  return events.length;
}

if (require.main === module) {
  const url = process.env.INGEST_URL ?? 'http://127.0.0.1:3001';
  loadDemoData(url)
    .then((count) => console.log(`loaded ${count} demo events into ${url}`))
    .catch((error: Error) => {
      console.error(error.message);
      process.exit(1);
    });
}
