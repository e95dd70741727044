import { createHash, timingSafeEqual } from 'node:crypto';
import type { EventFamily } from '@ledger/events';
import type { ClientRegistry } from '@ledger/runtime';

/** The registered clients as ingest needs them: families by client id, and HTTP Basic keys. */
export class ClientDirectory {
  private readonly families = new Map<string, readonly EventFamily[]>();
  private readonly basic = new Map<string, { clientId: string; secretHash: Buffer }>();

  constructor(registry: ClientRegistry) {
    for (const client of registry.clients) {
      this.families.set(client.clientId, client.families);
      if (client.basic) this.basic.set(client.basic.key, { clientId: client.clientId, secretHash: sha256(client.basic.secret) });
    }
  }

  /** The families a registered client may append; undefined for a client this deployment does not know. */
  familiesOf(clientId: string): readonly EventFamily[] | undefined {
    return this.families.get(clientId);
  }

  /** The client whose Basic key and secret these are, compared in constant time; undefined if none. */
  clientWithBasic(key: string, secret: string): string | undefined {
    const entry = this.basic.get(key);
    const offered = sha256(secret);
    // Compare even for an unknown key, so a wrong key takes as long as a wrong secret.
    const matches = timingSafeEqual(offered, entry?.secretHash ?? sha256(`no such key:${key}`));
    return entry && matches ? entry.clientId : undefined;
  }
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
