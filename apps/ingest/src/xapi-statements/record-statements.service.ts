import { Injectable } from '@nestjs/common';
import type { XapiVersion } from '@ledger/events';
import { AppError, InvalidItem } from '@ledger/runtime';
import { AppendEventsService } from '../shared/append-to-ledger/append-events.service';
import { clientFamiliesAllow } from '../authenticate/authorise-appends';
import type { Caller } from '../authenticate/caller';
import { mapStatement, MappedStatement } from './map-statement';
import type { ReceivedStatement } from './read-statements';
import { sameStatement } from './same-statement';
import { StoredStatements } from './stored-statements';

/**
 * The xAPI write path, as named steps: map every statement to its events → append them all in one
 * call (all or nothing; each statement id is its event's eventId) → if some ids were already
 * recorded with other content, compare those statements as xAPI does → a true conflict is 409;
 * statements that only differ where xAPI says to ignore (authority, LRS-assigned timestamp, verb
 * display…) are already recorded, and the rest of the request is appended without them.
 */
@Injectable()
export class RecordStatementsService {
  constructor(
    private readonly appendEvents: AppendEventsService,
    private readonly stored: StoredStatements,
  ) {}

  /** Records the statements; resolves with their ids, in request order, once the ledger holds them. */
  async record(statements: ReceivedStatement[], xapiVersion: XapiVersion, caller: Caller, now: Date): Promise<string[]> {
    const mapped = statements.map((statement) => mapStatement(statement, xapiVersion, now));
    const reused = await this.appendUnlessReused(mapped, caller);
    if (reused.length > 0) {
      await this.refuseDifferent(reused, statements);
      const remaining = mapped.filter((m) => !reused.includes(m));
      if (remaining.length > 0) await this.append(remaining, caller);
    }
    return mapped.map((m) => m.statementId);
  }

  /** Appends every event, or (appending nothing) resolves with the statements whose ids the ledger already has with other content. */
  private async appendUnlessReused(mapped: MappedStatement[], caller: Caller): Promise<MappedStatement[]> {
    try {
      await this.appendEvents.append({ events: mapped.flatMap((m) => m.events) }, caller, clientFamiliesAllow(caller));
      return [];
    } catch (error) {
      const reused = error instanceof AppError && error.code === 'EVENT.CONFLICT' ? statementsNamedBy(error, mapped) : [];
      if (reused.length === 0) throw inStatementTerms(error, mapped);
      return reused;
    }
  }

  private async append(mapped: MappedStatement[], caller: Caller): Promise<void> {
    await this.appendEvents.append({ events: mapped.flatMap((m) => m.events) }, caller, clientFamiliesAllow(caller)).catch((error: unknown) => {
      throw inStatementTerms(error, mapped);
    });
  }

  /**
   * 409 unless every reused id holds the same statement. One the projector has not stored yet cannot
   * be compared, so it counts as different: a client resending within that moment may see 409.
   */
  private async refuseDifferent(reused: MappedStatement[], received: ReceivedStatement[]): Promise<void> {
    const stored = await Promise.all(reused.map((m) => this.stored.find(m.statementId)));
    const different = reused.filter((m, i) => {
      const statement = received.find((r) => r.index === m.index)!.statement;
      return stored[i] === null || !sameStatement(stored[i]!, statement);
    });
    if (different.length > 0) throw statementConflict(different);
  }
}

/** The statements whose events an append error names (its details are indexes into the appended events). */
function statementsNamedBy(error: AppError, mapped: MappedStatement[]): MappedStatement[] {
  const owners = mapped.flatMap((m) => m.events.map(() => m));
  const named = new Set(((error.details ?? []) as InvalidItem[]).map((item) => owners[item.index]).filter((m) => m !== undefined));
  return mapped.filter((m) => named.has(m));
}

function statementConflict(statements: MappedStatement[]): AppError {
  return new AppError(
    'EVENT.CONFLICT',
    `${statements.length} statement id(s) were already recorded with a different statement; nothing was recorded`,
    statements.map((m) => ({ index: m.index, errors: [{ field: 'id', reason: 'was already recorded with a different statement' }] })),
  );
}

/**
 * An append error about events, retold about the statements they came from. Statements are checked
 * before mapping, so an invalid derived event means a gap in that check; it is still reported, not hidden.
 */
function inStatementTerms(error: unknown, mapped: MappedStatement[]): unknown {
  if (!(error instanceof AppError)) return error;
  if (error.code === 'EVENT.CONFLICT') return statementConflict(statementsNamedBy(error, mapped));
  if (error.code !== 'REQUEST.INVALID' || !Array.isArray(error.details)) return error;
  const events = mapped.flatMap((m) => m.events.map((event) => ({ statement: m, type: event.type })));
  const details = (error.details as InvalidItem[]).map((item) => {
    const source = events[item.index];
    if (!source) return item;
    return { index: source.statement.index, errors: item.errors.map((e) => ({ field: e.field, reason: `${source.type} derived from this statement: ${e.reason}` })) };
  });
  return new AppError('REQUEST.INVALID', 'a statement could not be recorded as ledger events; nothing was recorded', details);
}
