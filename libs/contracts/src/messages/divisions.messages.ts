import type { MessageCatalog } from './localized-message';

/** Messages of the divisions service: divisions, agent allocation, workload and broadcast. */
export const DIVISIONS_MESSAGES: MessageCatalog = {
  DIVISION_NAME_TOO_LONG: {
    en: 'The division name is longer than {maxLength} characters; shorten it.',
    id: 'Nama divisi lebih dari {maxLength} karakter; perpendek nama tersebut.',
  },
  CHANNEL_SCOPE_INVALID: {
    en: 'The channel scope must be one of: {allowed}.',
    id: 'Cakupan kanal harus salah satu dari: {allowed}.',
  },
  DIVISION_NAME_ALREADY_USED: {
    en: 'Another division of this organization is already named "{name}"; choose another name.',
    id: 'Divisi lain di organisasi ini sudah bernama "{name}"; pilih nama lain.',
  },
  DIVISION_NOT_FOUND: {
    en: 'Division {divisionId} was not found.',
    id: 'Divisi {divisionId} tidak ditemukan.',
  },
  DIVISION_ALREADY_EXISTS: {
    en: 'Division {divisionId} already exists; create the division with a new id.',
    id: 'Divisi {divisionId} sudah ada; buat divisi dengan id baru.',
  },
  SUPERVISOR_NOT_ACTIVE: {
    en: 'User {supervisorId} is not an active supervisor of this organization; choose an active supervisor.',
    id: 'Pengguna {supervisorId} bukan supervisor aktif di organisasi ini; pilih supervisor yang aktif.',
  },
  AGENTS_NOT_ACTIVE: {
    en: 'These users are not active agents of this organization: {agentIds}.',
    id: 'Pengguna berikut bukan agen aktif di organisasi ini: {agentIds}.',
  },
  CHANNELS_NOT_CONNECTED: {
    en: 'These channels are not connected channels of this organization: {channelIds}.',
    id: 'Kanal berikut bukan kanal terhubung di organisasi ini: {channelIds}.',
  },
  LAST_AGENT_CANNOT_BE_REMOVED: {
    en: 'Agent {agentId} is the last agent of division {divisionId}; add another agent before removing this one.',
    id: 'Agen {agentId} adalah agen terakhir di divisi {divisionId}; tambahkan agen lain sebelum menghapus agen ini.',
  },
  ALLOCATION_MODE_CONFLICT: {
    en: 'Automatic and custom allocation cannot both be on. Turn the other one off first.',
    id: 'Alokasi otomatis dan alokasi kustom tidak boleh aktif bersamaan. Matikan salah satunya terlebih dahulu.',
  },
  ALLOCATION_STRATEGY_INVALID: {
    en: 'The allocation strategy must be one of: {allowed}.',
    id: 'Strategi alokasi harus salah satu dari: {allowed}.',
  },
  IDLE_MINUTES_OUT_OF_RANGE: {
    en: 'Idle minutes must be a whole number from {min} to {max}.',
    id: 'Menit idle harus berupa bilangan bulat dari {min} sampai {max}.',
  },
  REASSIGN_ATTEMPTS_OUT_OF_RANGE: {
    en: 'Reassign attempts must be a whole number from {min} to {max}.',
    id: 'Jumlah percobaan pengalihan harus berupa bilangan bulat dari {min} sampai {max}.',
  },
  WORKLOAD_LIMIT_OUT_OF_RANGE: {
    en: 'The workload limit must be a whole number from {min} to {max}, or "unlimited".',
    id: 'Batas beban kerja harus berupa bilangan bulat dari {min} sampai {max}, atau "unlimited".',
  },
  WEBHOOK_URL_INVALID: {
    en: 'The webhook URL is not a valid absolute URL.',
    id: 'URL webhook bukan URL absolut yang valid.',
  },
  WEBHOOK_URL_NOT_HTTPS: {
    en: 'The webhook URL must use https.',
    id: 'URL webhook harus menggunakan https.',
  },
  WEBHOOK_URL_HAS_CREDENTIALS: {
    en: 'The webhook URL must not contain a user name or password.',
    id: 'URL webhook tidak boleh berisi nama pengguna atau kata sandi.',
  },
  WEBHOOK_URL_TOO_LONG: {
    en: 'The webhook URL is longer than {maxLength} characters.',
    id: 'URL webhook lebih dari {maxLength} karakter.',
  },
  WEBHOOK_URL_NOT_PUBLIC: {
    en: 'The webhook URL host {host} is not a public host: it is localhost, a name without a domain, or a loopback, private, link-local or reserved address.',
    id: 'Host URL webhook {host} bukan host publik: host tersebut localhost, nama tanpa domain, atau alamat loopback, privat, link-local, atau khusus.',
  },
  PAGE_LIMIT_OUT_OF_RANGE: {
    en: 'The page limit must be a whole number from 1 to {max}.',
    id: 'Batas halaman harus berupa bilangan bulat dari 1 sampai {max}.',
  },
  PAGE_OFFSET_INVALID: {
    en: 'The page offset must be a whole number of 0 or more.',
    id: 'Offset halaman harus berupa bilangan bulat 0 atau lebih.',
  },
  PAGE_CURSOR_INVALID: {
    en: 'The cursor is not one this API returned; use nextCursor from the previous page.',
    id: 'Cursor ini bukan cursor yang dikembalikan API ini; gunakan nextCursor dari halaman sebelumnya.',
  },
  PAGE_CURSOR_WITH_OFFSET: {
    en: 'Send either cursor or offset, not both.',
    id: 'Kirim cursor atau offset saja, jangan keduanya.',
  },
  VALIDATION_IS_WORKLOAD_LIMIT: {
    en: 'must be a whole number from 1 to 100, or "unlimited"',
    id: 'harus bilangan bulat dari 1 sampai 100, atau "unlimited"',
  },
};
