import type { Collection, Db } from 'mongodb';

/** Who holds a template name and language in a WhatsApp Business Account, and the template's id at WhatsApp once known. */
export interface TemplateNameClaim {
  _id: string;
  templateId: string;
  organizationId: string;
  channelId: string;
  wabaId: string;
  name: string;
  language: string;
  providerTemplateId?: string;
  claimedAt: Date;
}

export type TemplateClaimOutcome = { claimed: true } | { claimed: false; holder: TemplateNameClaim };

export function templateNameKey(wabaId: string, name: string, language: string): string {
  return `${wabaId}:${language}:${name}`;
}

/**
 * The collection `template_names`: one document per live template, keyed by account,
 * language and name. Its unique `_id` makes name and language unique per WhatsApp
 * Business Account without a transaction; deleting a template deletes its claim, so the
 * name can be used again. It also maps WhatsApp's template id to Regu's for webhooks.
 */
export class TemplateNames {
  readonly claims: Collection<TemplateNameClaim>;

  constructor(db: Db) {
    this.claims = db.collection('template_names');
  }

  async ensureIndexes(): Promise<void> {
    await this.claims.createIndex({ providerTemplateId: 1 }, { name: 'names_by_provider_id' });
    await this.claims.createIndex({ templateId: 1 }, { name: 'names_by_template' });
  }

  async claim(claim: TemplateNameClaim): Promise<TemplateClaimOutcome> {
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
      return this.claim(claim);
    }
    return holder.templateId === claim.templateId ? { claimed: true } : { claimed: false, holder };
  }

  /** Replaces `staleHolder`'s claim with `claim`; false when someone else changed it first. */
  async takeOver(staleHolder: TemplateNameClaim, claim: TemplateNameClaim): Promise<boolean> {
    const { _id, ...fields } = claim;
    const result = await this.claims.replaceOne({ _id, templateId: staleHolder.templateId }, fields);
    return result.modifiedCount === 1;
  }

  async setProviderTemplateId(key: string, templateId: string, providerTemplateId: string): Promise<void> {
    await this.claims.updateOne({ _id: key, templateId }, { $set: { providerTemplateId } });
  }

  /** Deletes the claim only while `templateId` holds it. */
  async release(key: string, templateId: string): Promise<void> {
    await this.claims.deleteOne({ _id: key, templateId });
  }

  async find(key: string): Promise<TemplateNameClaim | null> {
    return this.claims.findOne({ _id: key });
  }

  async findByProviderTemplateId(wabaId: string, providerTemplateId: string): Promise<TemplateNameClaim | null> {
    return this.claims.findOne({ providerTemplateId, wabaId });
  }
}
