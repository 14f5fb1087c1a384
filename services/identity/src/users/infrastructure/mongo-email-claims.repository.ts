import type { Collection, Db } from 'mongodb';
import type { EmailClaim, EmailClaimsRepository } from '../application/ports';

interface EmailClaimDocument {
  /** The normalized email. `_id` is unique on every MongoDB-compatible server, so one insert wins. */
  _id: string;
  userId: string;
  organizationId: string;
  claimedAt: Date;
}

/** The `email_claims` collection: which user holds each normalized email. */
export class MongoEmailClaimsRepository implements EmailClaimsRepository {
  private readonly collection: Collection<EmailClaimDocument>;

  constructor(db: Db) {
    this.collection = db.collection<EmailClaimDocument>('email_claims');
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ userId: 1 }, { name: 'claims_by_user' });
  }

  async find(email: string): Promise<EmailClaim | null> {
    const document = await this.collection.findOne({ _id: email });
    return document === null ? null : toClaim(document);
  }

  async claim(claim: EmailClaim): Promise<EmailClaim> {
    try {
      await this.collection.insertOne({ _id: claim.email, userId: claim.userId, organizationId: claim.organizationId, claimedAt: claim.claimedAt });
      return claim;
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) {
        throw error;
      }
    }
    const holder = await this.find(claim.email);
    // The holder released the claim between our insert and our read: try once more.
    return holder ?? this.claim(claim);
  }

  async takeOver(previousUserId: string, claim: EmailClaim): Promise<boolean> {
    const result = await this.collection.updateOne(
      { _id: claim.email, userId: previousUserId },
      { $set: { userId: claim.userId, organizationId: claim.organizationId, claimedAt: claim.claimedAt } },
    );
    return result.matchedCount === 1;
  }

  async release(email: string, userId: string): Promise<void> {
    await this.collection.deleteOne({ _id: email, userId });
  }
}

function toClaim(document: EmailClaimDocument): EmailClaim {
  return { email: document._id, userId: document.userId, organizationId: document.organizationId, claimedAt: document.claimedAt };
}
