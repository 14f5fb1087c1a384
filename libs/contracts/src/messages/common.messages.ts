import type { MessageCatalog } from './localized-message';

/** Messages every service and the gateway share. */
export const COMMON_MESSAGES: MessageCatalog = {
  FIELD_REQUIRED: { en: 'field is required', id: 'kolom wajib diisi' },
  VALIDATION_FAILED: { en: 'The request has invalid fields; see errors for each one.', id: 'Permintaan berisi kolom yang tidak valid; lihat errors untuk setiap kolom.' },
  STREAM_VERSION_CONFLICT: {
    en: 'Someone else changed this resource since you read it (now at version {actualVersion}); read it again and retry.',
    id: 'Sumber daya ini sudah diubah orang lain sejak Anda membacanya (kini versi {actualVersion}); baca ulang lalu coba lagi.',
  },
  STORE_UNAVAILABLE: {
    en: 'The service cannot reach its database; retry shortly.',
    id: 'Layanan tidak dapat menjangkau basis datanya; coba lagi sebentar lagi.',
  },
  NOT_FOUND: { en: 'The {resource} was not found.', id: '{resource} tidak ditemukan.' },
};
