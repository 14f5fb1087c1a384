import type { MessageCatalog } from '@regu/contracts';

/**
 * Messages for class-validator constraints, keyed `VALIDATION_<CONSTRAINT>`.
 * `{field}` is the field path; `{limit}` the constraint's first argument.
 */
export const VALIDATION_MESSAGES: MessageCatalog = {
  UNKNOWN_FIELD: { en: 'field is not allowed; remove it', id: 'kolom tidak diizinkan; hapus kolom ini' },
  INVALID_BODY: { en: 'The request body is not valid JSON: {reason}', id: 'Isi permintaan bukan JSON yang valid: {reason}' },
  BODY_TOO_LARGE: { en: 'The request body is larger than {limit}.', id: 'Isi permintaan lebih besar dari {limit}.' },
  VALIDATION_IS_STRING: { en: 'must be a string', id: 'harus berupa teks' },
  VALIDATION_IS_BOOLEAN: { en: 'must be true or false', id: 'harus true atau false' },
  VALIDATION_IS_INT: { en: 'must be a whole number', id: 'harus bilangan bulat' },
  VALIDATION_IS_NUMBER: { en: 'must be a number', id: 'harus berupa angka' },
  VALIDATION_MIN: { en: 'must be at least {limit}', id: 'minimal {limit}' },
  VALIDATION_MAX: { en: 'must be at most {limit}', id: 'maksimal {limit}' },
  VALIDATION_MIN_LENGTH: { en: 'must be at least {limit} characters long', id: 'minimal {limit} karakter' },
  VALIDATION_MAX_LENGTH: { en: 'must be at most {limit} characters long', id: 'maksimal {limit} karakter' },
  VALIDATION_IS_EMAIL: { en: 'must be an email address, such as name@example.com', id: 'harus alamat email, misalnya nama@contoh.com' },
  VALIDATION_IS_IN: { en: 'must be one of: {limit}', id: 'harus salah satu dari: {limit}' },
  VALIDATION_IS_ENUM: { en: 'must be one of: {limit}', id: 'harus salah satu dari: {limit}' },
  VALIDATION_IS_ARRAY: { en: 'must be a list', id: 'harus berupa daftar' },
  VALIDATION_ARRAY_MIN_SIZE: { en: 'must contain at least {limit} items', id: 'harus berisi minimal {limit} item' },
  VALIDATION_ARRAY_MAX_SIZE: { en: 'must contain at most {limit} items', id: 'harus berisi maksimal {limit} item' },
  VALIDATION_ARRAY_UNIQUE: { en: 'must not contain the same item twice', id: 'tidak boleh berisi item yang sama dua kali' },
  VALIDATION_IS_UUID: { en: 'must be an id (UUID)', id: 'harus berupa id (UUID)' },
  VALIDATION_IS_URL: { en: 'must be a URL', id: 'harus berupa URL' },
  VALIDATION_IS_OBJECT: { en: 'must be an object', id: 'harus berupa objek' },
  VALIDATION_MATCHES: { en: 'has an invalid format', id: 'formatnya tidak valid' },
  VALIDATION_IS_E164: { en: 'must be a phone number in E.164 format, such as +6281234567890', id: 'harus nomor telepon format E.164, misalnya +6281234567890' },
  VALIDATION_INVALID: { en: 'is invalid', id: 'tidak valid' },
  PAGE_LIMIT_TOO_LARGE: { en: 'must be at most 100', id: 'maksimal 100' },
  AUTHENTICATION_REQUIRED: { en: 'Sign in first: send an access token in the Authorization header as "Bearer <token>".', id: 'Masuk terlebih dahulu: kirim token akses di header Authorization sebagai "Bearer <token>".' },
  ACCESS_TOKEN_EXPIRED: { en: 'The access token expired; get a new one with your refresh token.', id: 'Token akses kedaluwarsa; minta yang baru dengan refresh token Anda.' },
  ACCESS_TOKEN_INVALID: { en: 'The access token is not valid; sign in again.', id: 'Token akses tidak valid; silakan masuk lagi.' },
  ROLE_NOT_ALLOWED: { en: 'Your role ({role}) may not do this; only {allowed} may.', id: 'Peran Anda ({role}) tidak boleh melakukan ini; hanya {allowed} yang boleh.' },
  ROUTE_NOT_FOUND: { en: 'No route {method} {path}; see /api/docs for the API.', id: 'Tidak ada rute {method} {path}; lihat /api/docs untuk API.' },
  RATE_LIMITED: { en: 'Too many requests; retry after {retryAfter} seconds.', id: 'Terlalu banyak permintaan; coba lagi setelah {retryAfter} detik.' },
  SERVICE_UNAVAILABLE: { en: 'The {service} service did not answer; retry shortly.', id: 'Layanan {service} tidak menjawab; coba lagi sebentar lagi.' },
  INTERNAL_ERROR: { en: 'Something failed on our side; retry, and report the correlation id if it persists.', id: 'Terjadi kegagalan di sisi kami; coba lagi, dan laporkan correlation id jika terus terjadi.' },
  PRECONDITION_FAILED: {
    en: 'If-Match is stale: the resource is now at version {actualVersion}. Read it again and retry with its ETag.',
    id: 'If-Match sudah usang: sumber daya kini di versi {actualVersion}. Baca ulang lalu coba lagi dengan ETag-nya.',
  },
  INVALID_IF_MATCH: { en: 'If-Match must be an ETag from a previous response, such as "3".', id: 'If-Match harus ETag dari respons sebelumnya, misalnya "3".' },
};
