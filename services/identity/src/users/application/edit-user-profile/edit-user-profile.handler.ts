import type { CommandMessage, EditUserProfilePayload, UserProfileChangedData, UserView } from '@regu/contracts';
import { editUserProfile } from '../../domain/user.decide';
import type { EmailReservation } from '../email-reservation';
import type { UserStreams } from '../ports';
import { requireActiveAdmin } from '../require-active-admin';
import { appendAndView, loadForCommand } from '../user-commands';

/** An admin edits a user's name, email or phone number. A new email is reserved before the change is stored. */
export class EditUserProfileHandler {
  constructor(
    private readonly users: UserStreams,
    private readonly emails: EmailReservation,
  ) {}

  async execute({ caller, payload, expectedVersion }: CommandMessage<EditUserProfilePayload>): Promise<UserView> {
    await requireActiveAdmin(this.users, caller);
    const loaded = await loadForCommand(this.users, payload.userId, expectedVersion);

    const events = editUserProfile({ caller, userId: payload.userId, changes: payload.changes, userIdWithEmail: null }, loaded.state);
    const change = events[0]?.data as UserProfileChangedData | undefined;
    const newEmail = change?.new.email;
    const oldEmail = change?.old.email;
    if (newEmail === undefined || oldEmail === undefined) {
      return appendAndView(this.users, payload.userId, loaded, events, caller);
    }

    await this.emails.reserve(newEmail, payload.userId, caller.organizationId);
    let view: UserView;
    try {
      view = await appendAndView(this.users, payload.userId, loaded, events, caller);
    } catch (error) {
      await this.emails.release(newEmail, payload.userId);
      throw error;
    }
    await this.emails.release(oldEmail, payload.userId);
    return view;
  }
}
