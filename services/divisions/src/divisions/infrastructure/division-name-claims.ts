import type { Collection, Db } from 'mongodb';
import { MongoServerError } from 'mongodb';
import type { Clock } from '../../common/clock';
import { normalizeDivisionName } from '../application/division-name';
import { DivisionNameAlreadyUsed } from '../domain/division.errors';
import type { DivisionState } from '../domain/division.evolve';

interface NameClaimDocument {
  /** `<organizationId>:<normalized name>`: the unique `_id` index is what makes a claim exclusive. */
  _id: string;
  organizationId: string;
  divisionId: string;
  claimedAt: Date;
}

export const NAME_CLAIM_COLLECTION = 'division_name_claims';

/**
 * How long a claim whose division has no events yet is honoured. The claim comes
 * before the append, so a young claim may belong to a create that is still running.
 * An older one was left by a create that failed after claiming.
 */
export const UNCONFIRMED_CLAIM_GRACE_MS = 30_000;

/**
 * Keeps division names unique per organization without transactions. The handler checks
 * the read model first, for a clear error in the usual case. Two admins can still pass
 * that check at once, because the read model lags the event store. So before appending,
 * the handler inserts a claim document whose `_id` is the organization and the
 * normalized name. The `_id` index is unique on every MongoDB-compatible server, so only
 * one insert wins and the other create or rename fails with 409.
 *
 * A rename or delete releases the old claim after its append. When a crash skips the
 * release, the claim is stale: its division is deleted, has another name, or never got
 * its first event. The next claim for that name checks the claimant's stream and takes
 * the claim over with a compare-and-set on the old holder.
 */
export class DivisionNameClaims {
  private readonly claims: Collection<NameClaimDocument>;

  constructor(
    db: Db,
    private readonly loadDivision: (organizationId: string, divisionId: string) => Promise<DivisionState>,
    private readonly clock: Clock,
  ) {
    this.claims = db.collection<NameClaimDocument>(NAME_CLAIM_COLLECTION);
  }

  /** Claims `name` for the division, or throws DivisionNameAlreadyUsed. Claiming a name the division already has is a no-op. */
  async claim(organizationId: string, name: string, divisionId: string): Promise<void> {
    const _id = claimId(organizationId, name);
    const claim: NameClaimDocument = { _id, organizationId, divisionId, claimedAt: this.clock() };

    for (let attempt = 0; attempt < 3; attempt++) {
      if (await this.insert(claim)) {
        return;
      }
      const holder = await this.claims.findOne({ _id });
      if (holder === null) {
        // Released between our insert and our read: try the insert again.
        continue;
      }
      if (holder.divisionId === divisionId) {
        return;
      }
      if (!(await this.isStale(holder, name))) {
        break;
      }
      const replaced = await this.claims.replaceOne({ _id, divisionId: holder.divisionId, claimedAt: holder.claimedAt }, claim);
      if (replaced.matchedCount === 1) {
        return;
      }
    }
    throw new DivisionNameAlreadyUsed(name.trim());
  }

  /**
   * True when another division has a claim on `name` that is not stale. The read
   * model lags a delete or rename by the projection's consumer lag, so a handler calls
   * this before it rejects a name the read model still lists.
   */
  async isTaken(organizationId: string, name: string, exceptDivisionId?: string): Promise<boolean> {
    const holder = await this.claims.findOne({ _id: claimId(organizationId, name) });
    if (holder === null || holder.divisionId === exceptDivisionId) {
      return false;
    }
    return !(await this.isStale(holder, name));
  }

  /** Releases the division's claim on `name`; a claim another division holds is left alone. */
  async release(organizationId: string, name: string, divisionId: string): Promise<void> {
    await this.claims.deleteOne({ _id: claimId(organizationId, name), divisionId });
  }

  private async insert(claim: NameClaimDocument): Promise<boolean> {
    try {
      await this.claims.insertOne(claim);
      return true;
    } catch (error) {
      if (error instanceof MongoServerError && error.code === 11000) {
        return false;
      }
      throw error;
    }
  }

  private async isStale(holder: NameClaimDocument, name: string): Promise<boolean> {
    const state = await this.loadDivision(holder.organizationId, holder.divisionId);
    switch (state.status) {
      case 'active':
        return normalizeDivisionName(state.name) !== normalizeDivisionName(name);
      case 'deleted':
        return true;
      case 'empty':
        return this.clock().getTime() - holder.claimedAt.getTime() > UNCONFIRMED_CLAIM_GRACE_MS;
    }
  }
}

function claimId(organizationId: string, name: string): string {
  return `${organizationId}:${normalizeDivisionName(name)}`;
}
