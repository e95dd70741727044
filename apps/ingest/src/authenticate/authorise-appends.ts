import { eventFamily, type SubmittedEvent } from '@ledger/events';
import type { Caller } from './caller';

/** Why one event of a batch may not be appended by its caller, or undefined when it may. */
export type AppendCheck = (event: SubmittedEvent) => string | undefined;

/** A client may append only the event families it is registered for; people record facts through /v1/acts. */
export function clientFamiliesAllow(caller: Caller): AppendCheck {
  if (caller.kind === 'person') return () => 'people record facts through POST /v1/acts, as themselves';
  return (event) => {
    const family = eventFamily(event.type);
    if (family && caller.families.includes(family)) return undefined;
    return `client ${caller.clientId} may not append ${family ?? 'unknown'} events (it may append: ${caller.families.join(', ') || 'none'})`;
  };
}
