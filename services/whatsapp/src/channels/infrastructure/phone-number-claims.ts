import type { Collection, Db } from 'mongodb';

/** Who holds a phone number: one document per connected number, its id being the E.164 number. */
export interface PhoneNumberClaim {
  _id: string;
  channelId: string;
  organizationId: string;
  wabaId: string;
  phoneNumberId: string;
  claimedAt: Date;
}

export type ClaimOutcome = { claimed: true } | { claimed: false; holder: PhoneNumberClaim };

/**
 * The collection `phone_number_claims`. The unique `_id` lets exactly one of two
 * concurrent connects of a number insert its claim, without a transaction; disconnect
 * deletes the claim. A claim whose channel never got connected, or was disconnected
 * before the claim was deleted, is taken over with a compare-and-set on its channel id.
 */
export class PhoneNumberClaims {
  readonly claims: Collection<PhoneNumberClaim>;

  constructor(db: Db) {
    this.claims = db.collection('phone_number_claims');
  }

  async ensureIndexes(): Promise<void> {
    await this.claims.createIndex({ wabaId: 1, claimedAt: 1 }, { name: 'claims_by_waba' });
    await this.claims.createIndex({ channelId: 1 }, { name: 'claims_by_channel' });
  }

  async claim(claim: PhoneNumberClaim): Promise<ClaimOutcome> {
    try {
      await this.claims.insertOne(claim);
      return { claimed: true };
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) {
        throw error;
      }
    }
    const holder = await this.claims.findOne({ _id: claim._id });
    if (holder === null) {
      // Released between our insert and our read; try once more.
      return this.claim(claim);
    }
    if (holder.channelId === claim.channelId) {
      return { claimed: true };
    }
    return { claimed: false, holder };
  }

  /** Replaces `staleHolder`'s claim with `claim`; false when someone else changed the claim first. */
  async takeOver(staleHolder: PhoneNumberClaim, claim: PhoneNumberClaim): Promise<boolean> {
    const { _id, ...fields } = claim;
    const result = await this.claims.updateOne({ _id, channelId: staleHolder.channelId }, { $set: fields });
    return result.modifiedCount === 1;
  }

  /** Deletes the claim only while `channelId` holds it, so a late release never frees another channel's number. */
  async release(phoneNumber: string, channelId: string): Promise<void> {
    await this.claims.deleteOne({ _id: phoneNumber, channelId });
  }

  /** Returns the claims of connected numbers in a WhatsApp Business Account, oldest first. */
  async findByWaba(wabaId: string): Promise<PhoneNumberClaim[]> {
    return this.claims.find({ wabaId }).sort({ claimedAt: 1 }).toArray();
  }

  async findByChannel(channelId: string): Promise<PhoneNumberClaim | null> {
    return this.claims.findOne({ channelId });
  }
}
