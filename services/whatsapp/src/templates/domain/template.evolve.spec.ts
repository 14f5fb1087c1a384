import type { TemplateEvent } from './template.events';
import {
  INITIAL_TEMPLATE_STATE,
  evolveTemplate,
  toTemplateReview,
  type TemplateSnapshot,
  type TemplateState,
} from './template.evolve';

function snapshotOf(state: TemplateState): TemplateSnapshot {
  if (state.kind !== 'active') {
    throw new Error(`expected an active template, got ${state.kind}`);
  }
  return state.template;
}

const createdData = {
  templateId: 'template-1',
  channelId: 'channel-1',
  wabaId: '1000000000000001',
  providerTemplateId: '900',
  name: 'order_shipped',
  category: 'UTILITY' as const,
  language: 'id',
  message: { body: 'Hi {{1}}, shipped.' },
  samples: { body: ['Budi'] },
  status: 'PENDING' as const,
};
const created: TemplateEvent = { type: 'TemplateCreated', data: { ...createdData, createdAt: '2026-03-01T10:00:00.000Z' } };

describe('evolveTemplate', () => {
  it('starts a template from TemplateCreated', () => {
    expect(evolveTemplate(INITIAL_TEMPLATE_STATE, created)).toEqual({
      kind: 'active',
      template: {
        templateId: 'template-1',
        channelId: 'channel-1',
        wabaId: '1000000000000001',
        providerTemplateId: '900',
        name: 'order_shipped',
        category: 'UTILITY',
        language: 'id',
        message: { body: 'Hi {{1}}, shipped.' },
        samples: { body: ['Budi'] },
        review: { status: 'PENDING' },
        approvedEditTimes: [],
      },
    });
  });

  it('keeps the rejection reason of TemplateImported', () => {
    const imported: TemplateEvent = {
      type: 'TemplateImported',
      data: { ...createdData, status: 'REJECTED', rejectionReason: 'SCAM', importedAt: '2026-03-01T10:00:00.000Z' },
    };
    const state = evolveTemplate(INITIAL_TEMPLATE_STATE, imported);

    expect(snapshotOf(state).review).toEqual({ status: 'REJECTED', reason: 'SCAM' });
  });

  it('applies TemplateStatusChanged', () => {
    const changed: TemplateEvent = {
      type: 'TemplateStatusChanged',
      data: { templateId: 'template-1', previousStatus: 'PENDING', status: 'PAUSED', reason: 'LOW_QUALITY', reportedAt: '2026-03-01T11:00:00.000Z' },
    };
    const state = [created, changed].reduce(evolveTemplate, INITIAL_TEMPLATE_STATE);

    expect(snapshotOf(state).review).toEqual({ status: 'PAUSED', reason: 'LOW_QUALITY' });
    expect(snapshotOf(state).statusReportedAt).toBe('2026-03-01T11:00:00.000Z');
  });

  it('counts only edits made while approved', () => {
    const edited = (previousStatus: 'APPROVED' | 'REJECTED', editedAt: string): TemplateEvent => ({
      type: 'TemplateEdited',
      data: { templateId: 'template-1', category: 'UTILITY', message: { body: 'x {{1}} y' }, samples: { body: ['a'] }, previousStatus, editedAt },
    });
    const state = [created, edited('REJECTED', '2026-03-02T00:00:00.000Z'), edited('APPROVED', '2026-03-03T00:00:00.000Z')].reduce(
      evolveTemplate,
      INITIAL_TEMPLATE_STATE,
    );

    expect(snapshotOf(state).approvedEditTimes).toEqual(['2026-03-03T00:00:00.000Z']);
    expect(snapshotOf(state).message).toEqual({ body: 'x {{1}} y' });
  });

  it('moves to deleted on TemplateDeleted', () => {
    const deleted: TemplateEvent = {
      type: 'TemplateDeleted',
      data: { templateId: 'template-1', wabaId: '1000000000000001', name: 'order_shipped', language: 'id', deletedAt: '2026-03-01T12:00:00.000Z' },
    };

    expect(evolveTemplate(evolveTemplate(INITIAL_TEMPLATE_STATE, created), deleted).kind).toBe('deleted');
  });

  it('ignores events for a template that does not exist', () => {
    const changed: TemplateEvent = {
      type: 'TemplateStatusChanged',
      data: { templateId: 'template-1', previousStatus: 'PENDING', status: 'APPROVED', reportedAt: '2026-03-01T11:00:00.000Z' },
    };

    expect(evolveTemplate(INITIAL_TEMPLATE_STATE, changed)).toEqual(INITIAL_TEMPLATE_STATE);
  });

  it('defaults a rejection reason to NONE', () => {
    expect(toTemplateReview('REJECTED')).toEqual({ status: 'REJECTED', reason: 'NONE' });
  });
});
