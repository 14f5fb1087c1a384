import type { MessageCatalog } from './localized-message';

/** Messages of the identity service: organizations, users, passwords and tokens. */
export const IDENTITY_MESSAGES: MessageCatalog = {
  USER_NOT_FOUND: { en: 'User {userId} was not found.', id: 'Pengguna {userId} tidak ditemukan.' },
  USER_ALREADY_EXISTS: { en: 'User {userId} already exists.', id: 'Pengguna {userId} sudah ada.' },
  EMAIL_ALREADY_USED: {
    en: 'The email {email} is already used by another user; choose another email.',
    id: 'Email {email} sudah dipakai pengguna lain; pilih email lain.',
  },
  ONLY_ADMINS_MANAGE_USERS: {
    en: 'Only an admin can register, edit, change the role of, deactivate, reactivate or delete users.',
    id: 'Hanya admin yang dapat mendaftarkan, mengubah, mengganti peran, menonaktifkan, mengaktifkan kembali, atau menghapus pengguna.',
  },
  OWN_ACCESS_CHANGE_NOT_ALLOWED: {
    en: 'You cannot deactivate, delete or change the role of your own account; ask another admin.',
    id: 'Anda tidak dapat menonaktifkan, menghapus, atau mengganti peran akun Anda sendiri; minta admin lain.',
  },
  USER_DEACTIVATED: {
    en: 'User {userId} is deactivated; reactivate the user first.',
    id: 'Pengguna {userId} dinonaktifkan; aktifkan kembali pengguna tersebut terlebih dahulu.',
  },
  USER_LOCKED_OUT: {
    en: 'Too many failed logins; try again after {lockedUntil}.',
    id: 'Terlalu banyak percobaan masuk yang gagal; coba lagi setelah {lockedUntil}.',
  },
  PASSWORD_CHANGE_FORBIDDEN: {
    en: "Only the user or an admin can change a user's password.",
    id: 'Hanya pengguna itu sendiri atau admin yang dapat mengganti kata sandi pengguna.',
  },
  CURRENT_PASSWORD_INCORRECT: { en: 'The current password is incorrect.', id: 'Kata sandi saat ini salah.' },
  INVALID_EMAIL: { en: 'must be a valid email address', id: 'harus berupa alamat email yang valid' },
  INVALID_PHONE_NUMBER: {
    en: 'must be an E.164 phone number such as +6281234567890',
    id: 'harus berupa nomor telepon E.164 seperti +6281234567890',
  },
  INVALID_NAME: {
    en: 'must be 1 to 100 characters without control characters',
    id: 'harus 1 sampai 100 karakter tanpa karakter kontrol',
  },
  INVALID_ROLE: { en: 'must be one of admin, supervisor, agent', id: 'harus salah satu dari admin, supervisor, agent' },
  ORGANIZATION_ALREADY_EXISTS: {
    en: 'Organization {organizationId} already exists with another name or first admin; keep the bootstrap settings it was created with.',
    id: 'Organisasi {organizationId} sudah ada dengan nama atau admin pertama yang berbeda; gunakan pengaturan bootstrap yang dipakai saat organisasi dibuat.',
  },
  INVALID_CREDENTIALS: {
    en: 'The email or password is incorrect.',
    id: 'Email atau kata sandi salah.',
  },
  PASSWORD_TOO_SHORT: {
    en: 'The password must be at least {minLength} characters long.',
    id: 'Kata sandi harus paling sedikit {minLength} karakter.',
  },
  PASSWORD_TOO_LONG: {
    en: 'The password must be at most {maxLength} characters long.',
    id: 'Kata sandi paling banyak {maxLength} karakter.',
  },
  PASSWORD_EQUALS_EMAIL: {
    en: 'The password must not be the same as the email; choose another password.',
    id: 'Kata sandi tidak boleh sama dengan email; pilih kata sandi lain.',
  },
  REFRESH_TOKEN_INVALID: {
    en: 'The refresh token is invalid, expired or revoked; log in again.',
    id: 'Refresh token tidak valid, kedaluwarsa, atau dicabut; silakan masuk kembali.',
  },
  REFRESH_TOKEN_REUSED: {
    en: 'The refresh token was already used, so every session that came from it was ended; log in again.',
    id: 'Refresh token sudah pernah dipakai, sehingga semua sesi yang berasal darinya diakhiri; silakan masuk kembali.',
  },
  ACCESS_TOKEN_MISSING: {
    en: 'The request has no bearer access token; log in and send it in the Authorization header.',
    id: 'Permintaan tidak memiliki bearer access token; silakan masuk lalu kirim token di header Authorization.',
  },
  ACCESS_TOKEN_EXPIRED: {
    en: 'The access token has expired; get a new one with the refresh token.',
    id: 'Access token sudah kedaluwarsa; minta yang baru dengan refresh token.',
  },
  ACCESS_TOKEN_INVALID: { en: 'The access token is invalid; log in again.', id: 'Access token tidak valid; silakan masuk kembali.' },
};
