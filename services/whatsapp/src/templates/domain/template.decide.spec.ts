import type { TemplateMessage, TemplateSamples } from '@regu/contracts';
import {
  applyTemplateStatus,
  createTemplate,
  deleteTemplate,
  editTemplate,
  importTemplate,
  type CreateTemplate,
} from './template.decide';
import {
  TemplateAlreadyExists,
  TemplateCategoryChangeNotAllowed,
  TemplateEditLimitReached,
  TemplateInputInvalid,
  TemplateNotEditable,
  TemplateNotFound,
  TemplateRulesBroken,
  TemplateWasDeleted,
} from './template.errors';
import type { TemplateEvent } from './template.events';
import { INITIAL_TEMPLATE_STATE, evolveTemplate, type TemplateSnapshot, type TemplateState } from './template.evolve';

function snapshotOf(state: TemplateState): TemplateSnapshot {
  if (state.kind !== 'active') {
    throw new Error(`expected an active template, got ${state.kind}`);
  }
  return state.template;
}

const now = new Date('2026-03-01T10:00:00.000Z');
const context = { now };
const hoursLater = (hours: number) => ({ now: new Date(now.getTime() + hours * 3_600_000) });

const message: TemplateMessage = { body: 'Hi {{1}}, your order has shipped.', footer: 'Regu store' };
const samples: TemplateSamples = { body: ['Budi'] };

let sequence = 0;
function createCommand(overrides: Partial<CreateTemplate> = {}): CreateTemplate {
  sequence += 1;
  return {
    templateId: `template-${sequence}`,
    channelId: 'channel-1',
    wabaId: '1000000000000001',
    providerTemplateId: `90000000000${sequence}`,
    name: 'order_shipped',
    category: 'UTILITY',
    language: 'id',
    message,
    samples,
    status: 'PENDING',
    ...overrides,
  };
}

function given(...events: TemplateEvent[]): TemplateState {
  return events.reduce(evolveTemplate, INITIAL_TEMPLATE_STATE);
}

function created(command = createCommand()): TemplateEvent {
  return createTemplate(command, INITIAL_TEMPLATE_STATE, context)[0];
}

function statusChanged(event: TemplateEvent, status: 'APPROVED' | 'REJECTED' | 'PAUSED' | 'DISABLED', reason?: string) {
  const state = given(event);
  return applyTemplateStatus({ templateId: event.data.templateId, status, reason, reportedAt: now.toISOString() }, state)[0];
}

describe('createTemplate', () => {
  it('records the submitted template', () => {
    const command = createCommand();

    expect(createTemplate(command, INITIAL_TEMPLATE_STATE, context)).toEqual([
      {
        type: 'TemplateCreated',
        data: {
          templateId: command.templateId,
          channelId: 'channel-1',
          wabaId: '1000000000000001',
          providerTemplateId: command.providerTemplateId,
          name: 'order_shipped',
          category: 'UTILITY',
          language: 'id',
          message,
          samples,
          status: 'PENDING',
          createdAt: '2026-03-01T10:00:00.000Z',
        },
      },
    ]);
  });

  it('rejects a template that breaks WhatsApp rules with 422', () => {
    const command = createCommand({ message: { body: '{{1}} shipped' } });

    expect(() => createTemplate(command, INITIAL_TEMPLATE_STATE, context)).toThrow(TemplateRulesBroken);
    try {
      createTemplate(command, INITIAL_TEMPLATE_STATE, context);
    } catch (error) {
      expect(error).toMatchObject({
        code: 'TEMPLATE_RULES_BROKEN',
        status: 422,
        errors: [
          {
            field: 'message.body',
            code: 'TEMPLATE_VARIABLE_AT_BODY_START',
            message: 'The body starts with the variable {{1}}; add text before it.',
          },
        ],
      });
    }
  });

  it('rejects a missing body with 400', () => {
    const command = createCommand({ message: { body: '' } });

    expect(() => createTemplate(command, INITIAL_TEMPLATE_STATE, context)).toThrow(TemplateInputInvalid);
    try {
      createTemplate(command, INITIAL_TEMPLATE_STATE, context);
    } catch (error) {
      expect(error).toMatchObject({
        code: 'VALIDATION_FAILED',
        status: 400,
        errors: [{ field: 'message.body', code: 'FIELD_REQUIRED', message: 'field is required' }],
      });
    }
  });

  it('rejects an invalid name with 422', () => {
    expect(() => createTemplate(createCommand({ name: 'Order Shipped' }), INITIAL_TEMPLATE_STATE, context)).toThrow(
      TemplateRulesBroken,
    );
  });

  it('rejects a second template on the same stream', () => {
    const state = given(created());

    expect(() => createTemplate(createCommand(), state, context)).toThrow(TemplateAlreadyExists);
  });

  it('ignores a repeated submission', () => {
    const command = createCommand();
    const state = given(createTemplate(command, INITIAL_TEMPLATE_STATE, context)[0]);

    expect(createTemplate(command, state, context)).toEqual([]);
  });
});

describe('importTemplate', () => {
  const importCommand = {
    templateId: 'template-imported',
    channelId: 'channel-1',
    wabaId: '1000000000000001',
    providerTemplateId: '777',
    name: 'legacy_promo',
    category: 'MARKETING' as const,
    language: 'en_US',
    message: { body: 'Big sale today' },
    samples: {},
    status: 'REJECTED' as const,
    rejectionReason: 'INVALID_FORMAT',
  };

  it('records a template found at WhatsApp', () => {
    expect(importTemplate(importCommand, INITIAL_TEMPLATE_STATE, context)).toEqual([
      {
        type: 'TemplateImported',
        data: {
          templateId: 'template-imported',
          channelId: 'channel-1',
          wabaId: '1000000000000001',
          providerTemplateId: '777',
          name: 'legacy_promo',
          category: 'MARKETING',
          language: 'en_US',
          message: { body: 'Big sale today' },
          samples: {},
          status: 'REJECTED',
          rejectionReason: 'INVALID_FORMAT',
          importedAt: '2026-03-01T10:00:00.000Z',
        },
      },
    ]);
  });

  it('ignores a second import of the same template', () => {
    const state = given(...importTemplate(importCommand, INITIAL_TEMPLATE_STATE, context));

    expect(importTemplate(importCommand, state, context)).toEqual([]);
  });

  it('rejects an import onto another template', () => {
    const state = given(created());

    expect(() => importTemplate(importCommand, state, context)).toThrow(TemplateAlreadyExists);
  });
});

describe('editTemplate', () => {
  const newMessage: TemplateMessage = { body: 'Hello {{1}}, your parcel is on its way.' };

  it.each(['APPROVED', 'REJECTED', 'PAUSED'] as const)('allows an edit in %s', (status) => {
    const first = created();
    const state = given(first, statusChanged(first, status, 'reason'));

    expect(editTemplate({ templateId: first.data.templateId, message: newMessage, samples }, state, context)).toEqual([
      {
        type: 'TemplateEdited',
        data: {
          templateId: first.data.templateId,
          category: 'UTILITY',
          message: newMessage,
          samples,
          previousStatus: status,
          editedAt: '2026-03-01T10:00:00.000Z',
        },
      },
    ]);
  });

  it.each(['PENDING', 'DISABLED'] as const)('rejects an edit in %s', (status) => {
    const first = created();
    const state = status === 'PENDING' ? given(first) : given(first, statusChanged(first, status));

    expect(() => editTemplate({ templateId: first.data.templateId, message: newMessage, samples }, state, context)).toThrow(
      TemplateNotEditable,
    );
  });

  it('puts the template back under review', () => {
    const first = created();
    const approved = statusChanged(first, 'APPROVED');
    const edit = editTemplate({ templateId: first.data.templateId, message: newMessage, samples }, given(first, approved), context);
    const state = given(first, approved, ...edit);

    expect(snapshotOf(state).review).toEqual({ status: 'PENDING' });
  });

  it('ignores an edit that changes nothing', () => {
    const first = created();
    const state = given(first, statusChanged(first, 'APPROVED'));

    expect(editTemplate({ templateId: first.data.templateId, message, samples }, state, context)).toEqual([]);
  });

  it('rejects a category change of an approved template', () => {
    const first = created();
    const state = given(first, statusChanged(first, 'APPROVED'));
    const command = { templateId: first.data.templateId, category: 'MARKETING' as const, message: newMessage, samples };

    expect(() => editTemplate(command, state, context)).toThrow(TemplateCategoryChangeNotAllowed);
  });

  it('allows a category change of a rejected template', () => {
    const first = created();
    const state = given(first, statusChanged(first, 'REJECTED', 'INCORRECT_CATEGORY'));
    const command = { templateId: first.data.templateId, category: 'MARKETING' as const, message, samples };

    expect(editTemplate(command, state, context)[0].data.category).toBe('MARKETING');
  });

  it('rejects an edit that breaks WhatsApp rules', () => {
    const first = created();
    const state = given(first, statusChanged(first, 'REJECTED', 'INVALID_FORMAT'));
    const command = { templateId: first.data.templateId, message: { body: 'Bye {{1}}' }, samples };

    expect(() => editTemplate(command, state, context)).toThrow(TemplateRulesBroken);
  });

  it('rejects a second edit of an approved template within 24 hours', () => {
    const first = created();
    const approved = statusChanged(first, 'APPROVED');
    const edit = editTemplate({ templateId: first.data.templateId, message: newMessage, samples }, given(first, approved), context);
    const reapproved = { type: 'TemplateStatusChanged' as const, data: { ...approved.data, previousStatus: 'PENDING' as const, reportedAt: hoursLater(1).now.toISOString() } };
    const state = given(first, approved, ...edit, reapproved);
    const command = { templateId: first.data.templateId, message, samples };

    expect(() => editTemplate(command, state, hoursLater(23))).toThrow(TemplateEditLimitReached);
    try {
      editTemplate(command, state, hoursLater(23));
    } catch (error) {
      expect(error).toMatchObject({ params: { limit: 1, window: '24 hours', nextEditAt: '2026-03-02T10:00:00.000Z' } });
    }
    expect(editTemplate(command, state, hoursLater(25))).toHaveLength(1);
  });

  it('rejects the eleventh edit of an approved template within 30 days', () => {
    const first = created();
    let events: TemplateEvent[] = [first, statusChanged(first, 'APPROVED')];
    for (let day = 0; day < 10; day += 1) {
      const edit = editTemplate(
        { templateId: first.data.templateId, message: { body: `Edit ${day} for {{1}} today.` }, samples },
        given(...events),
        hoursLater(day * 25),
      );
      const approvedAgain: TemplateEvent = {
        type: 'TemplateStatusChanged',
        data: {
          templateId: first.data.templateId,
          previousStatus: 'PENDING',
          status: 'APPROVED',
          reportedAt: hoursLater(day * 25 + 1).now.toISOString(),
        },
      };
      events = [...events, ...edit, approvedAgain];
    }

    expect(() => editTemplate({ templateId: first.data.templateId, message, samples }, given(...events), hoursLater(10 * 25))).toThrow(
      TemplateEditLimitReached,
    );
  });

  it('allows unlimited edits of a rejected template', () => {
    const first = created();
    let events: TemplateEvent[] = [first];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      events = [...events, { type: 'TemplateStatusChanged', data: { templateId: first.data.templateId, previousStatus: 'PENDING', status: 'REJECTED', reason: 'INVALID_FORMAT', reportedAt: hoursLater(attempt).now.toISOString() } }];
      events = [...events, ...editTemplate({ templateId: first.data.templateId, message: { body: `Try ${attempt} for {{1}} now.` }, samples }, given(...events), hoursLater(attempt))];
    }

    expect(events.filter((event) => event.type === 'TemplateEdited')).toHaveLength(3);
  });

  it('rejects an edit of an unknown template', () => {
    expect(() => editTemplate({ templateId: 'missing', message, samples }, INITIAL_TEMPLATE_STATE, context)).toThrow(TemplateNotFound);
  });

  it('rejects an edit of a deleted template', () => {
    const first = created();
    const state = given(first, ...deleteTemplate({ templateId: first.data.templateId }, given(first), context));

    expect(() => editTemplate({ templateId: first.data.templateId, message, samples }, state, context)).toThrow(TemplateWasDeleted);
  });
});

describe('applyTemplateStatus', () => {
  it('records a status change with the reason', () => {
    const first = created();

    expect(
      applyTemplateStatus(
        { templateId: first.data.templateId, status: 'REJECTED', reason: 'INVALID_FORMAT', reportedAt: '2026-03-01T11:00:00.000Z' },
        given(first),
      ),
    ).toEqual([
      {
        type: 'TemplateStatusChanged',
        data: {
          templateId: first.data.templateId,
          previousStatus: 'PENDING',
          status: 'REJECTED',
          reason: 'INVALID_FORMAT',
          reportedAt: '2026-03-01T11:00:00.000Z',
        },
      },
    ]);
  });

  it('ignores a repeated report', () => {
    const first = created();
    const approved = statusChanged(first, 'APPROVED');

    expect(
      applyTemplateStatus({ templateId: first.data.templateId, status: 'APPROVED', reportedAt: now.toISOString() }, given(first, approved)),
    ).toEqual([]);
  });

  it('ignores a report older than the applied one', () => {
    const first = created();
    const approved = statusChanged(first, 'APPROVED');
    const older = { templateId: first.data.templateId, status: 'PAUSED' as const, reportedAt: '2026-03-01T09:00:00.000Z' };

    expect(applyTemplateStatus(older, given(first, approved))).toEqual([]);
  });

  it('records a new reason for the same status', () => {
    const first = created();
    const paused = statusChanged(first, 'PAUSED', 'LOW_QUALITY');
    const command = { templateId: first.data.templateId, status: 'PAUSED' as const, reason: 'SPAM', reportedAt: hoursLater(1).now.toISOString() };

    expect(applyTemplateStatus(command, given(first, paused))).toHaveLength(1);
  });

  it('ignores a report for a deleted template', () => {
    const first = created();
    const state = given(first, ...deleteTemplate({ templateId: first.data.templateId }, given(first), context));

    expect(applyTemplateStatus({ templateId: first.data.templateId, status: 'APPROVED', reportedAt: now.toISOString() }, state)).toEqual([]);
  });

  it('rejects a report for an unknown template', () => {
    expect(() =>
      applyTemplateStatus({ templateId: 'missing', status: 'APPROVED', reportedAt: now.toISOString() }, INITIAL_TEMPLATE_STATE),
    ).toThrow(TemplateNotFound);
  });
});

describe('deleteTemplate', () => {
  it('records the deletion', () => {
    const first = created();

    expect(deleteTemplate({ templateId: first.data.templateId }, given(first), context)).toEqual([
      {
        type: 'TemplateDeleted',
        data: {
          templateId: first.data.templateId,
          wabaId: '1000000000000001',
          name: 'order_shipped',
          language: 'id',
          deletedAt: '2026-03-01T10:00:00.000Z',
        },
      },
    ]);
  });

  it('ignores a second delete', () => {
    const first = created();
    const state = given(first, ...deleteTemplate({ templateId: first.data.templateId }, given(first), context));

    expect(deleteTemplate({ templateId: first.data.templateId }, state, context)).toEqual([]);
  });

  it('rejects a delete of an unknown template', () => {
    expect(() => deleteTemplate({ templateId: 'missing' }, INITIAL_TEMPLATE_STATE, context)).toThrow(TemplateNotFound);
  });
});
