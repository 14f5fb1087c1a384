import type { MessageCatalog } from './localized-message';

/** Messages of the WhatsApp service: channel errors, template errors and template rules. */
export const WHATSAPP_MESSAGES: MessageCatalog = {
  CHANNEL_DISPLAY_NAME_TOO_LONG: {
    en: 'The display name has {length} characters; shorten it to at most {max}.',
    id: 'Nama tampilan berisi {length} karakter; persingkat menjadi paling banyak {max}.',
  },
  CHANNEL_PHONE_NUMBER_NOT_E164: {
    en: 'The phone number {phoneNumber} is not in E.164 format; write it as + followed by the country code and number, for example +6281234567890.',
    id: 'Nomor telepon {phoneNumber} tidak berformat E.164; tulis sebagai + diikuti kode negara dan nomor, misalnya +6281234567890.',
  },
  CHANNEL_WABA_ID_INVALID: {
    en: 'The WhatsApp Business Account id {wabaId} is invalid; copy the numeric id from WhatsApp Manager.',
    id: 'ID WhatsApp Business Account {wabaId} tidak valid; salin ID berupa angka dari WhatsApp Manager.',
  },
  CHANNEL_PHONE_NUMBER_ID_INVALID: {
    en: 'The phone number id {phoneNumberId} is invalid; copy the numeric id from WhatsApp Manager.',
    id: 'ID nomor telepon {phoneNumberId} tidak valid; salin ID berupa angka dari WhatsApp Manager.',
  },
  CHANNEL_ALREADY_CONNECTED: {
    en: 'The channel {channelId} is already connected; update its settings instead.',
    id: 'Channel {channelId} sudah terhubung; ubah pengaturannya saja.',
  },
  CHANNEL_PHONE_NUMBER_ALREADY_CONNECTED: {
    en: 'The phone number {phoneNumber} is already connected; disconnect it first to connect it again.',
    id: 'Nomor telepon {phoneNumber} sudah terhubung; putuskan dulu untuk menghubungkannya kembali.',
  },
  CHANNEL_NOT_FOUND: { en: 'The channel {channelId} was not found.', id: 'Channel {channelId} tidak ditemukan.' },
  CHANNEL_DISCONNECTED: {
    en: 'The channel {channelId} is disconnected; reconnect it before changing it.',
    id: 'Channel {channelId} sudah diputus; hubungkan kembali sebelum mengubahnya.',
  },
  CHANNEL_TOKEN_REJECTED: {
    en: 'WhatsApp rejected the access token: {reason}. Create a new token in Meta Business Settings and try again.',
    id: 'WhatsApp menolak token akses: {reason}. Buat token baru di Meta Business Settings lalu coba lagi.',
  },

  CHANNEL_NEEDS_RECONNECTION: {
    en: 'The channel {channelId} needs a new access token because WhatsApp stopped accepting the current one; update the channel with a new token.',
    id: 'Channel {channelId} memerlukan token akses baru karena WhatsApp tidak lagi menerima token saat ini; perbarui channel dengan token baru.',
  },
  WHATSAPP_RATE_LIMITED: {
    en: 'WhatsApp is limiting requests for this account; retry after {retryAfter} seconds.',
    id: 'WhatsApp membatasi permintaan untuk akun ini; coba lagi setelah {retryAfter} detik.',
  },
  WHATSAPP_UNAVAILABLE: {
    en: 'WhatsApp did not answer after {attempts} attempt(s); retry in a few minutes.',
    id: 'WhatsApp tidak menjawab setelah {attempts} percobaan; coba lagi beberapa menit lagi.',
  },
  WHATSAPP_REQUEST_REJECTED: {
    en: 'WhatsApp rejected the request: {reason}',
    id: 'WhatsApp menolak permintaan: {reason}',
  },
  WEBHOOK_SIGNATURE_INVALID: {
    en: 'The X-Hub-Signature-256 header does not match the body; nothing was changed.',
    id: 'Header X-Hub-Signature-256 tidak cocok dengan isi permintaan; tidak ada yang diubah.',
  },

  TEMPLATE_RULES_BROKEN: {
    en: 'The template breaks WhatsApp rules; see errors for each component and how to fix it.',
    id: 'Template melanggar aturan WhatsApp; lihat errors untuk setiap komponen dan cara memperbaikinya.',
  },
  TEMPLATE_ALREADY_EXISTS: { en: 'The template {templateId} already exists.', id: 'Template {templateId} sudah ada.' },
  TEMPLATE_NAME_ALREADY_USED: {
    en: 'A template named {name} in language {language} already exists in this WhatsApp Business Account; choose another name or language.',
    id: 'Template bernama {name} dengan bahasa {language} sudah ada di WhatsApp Business Account ini; pilih nama atau bahasa lain.',
  },
  TEMPLATE_NOT_FOUND: { en: 'The template {templateId} was not found.', id: 'Template {templateId} tidak ditemukan.' },
  TEMPLATE_DELETED: {
    en: 'The template {templateId} was deleted; create a new one instead.',
    id: 'Template {templateId} sudah dihapus; buat template baru.',
  },
  TEMPLATE_NOT_EDITABLE: {
    en: 'A template in status {status} cannot be edited; WhatsApp allows editing only in {editableStatuses}.',
    id: 'Template berstatus {status} tidak dapat diubah; WhatsApp hanya mengizinkan perubahan pada status {editableStatuses}.',
  },
  TEMPLATE_CATEGORY_CHANGE_NOT_ALLOWED: {
    en: 'The category of an {status} template cannot change; keep {category} or create a new template.',
    id: 'Kategori template berstatus {status} tidak dapat diubah; tetap gunakan {category} atau buat template baru.',
  },
  TEMPLATE_EDIT_LIMIT_REACHED: {
    en: 'WhatsApp allows {limit} edit(s) of an approved template per {window}; edit it again after {nextEditAt}.',
    id: 'WhatsApp hanya mengizinkan {limit} kali perubahan template yang disetujui per {window}; ubah lagi setelah {nextEditAt}.',
  },

  TEMPLATE_NAME_INVALID_CHARACTERS: {
    en: 'The name {name} may contain only lowercase letters, digits and underscores; for example order_update_2.',
    id: 'Nama {name} hanya boleh berisi huruf kecil, angka, dan garis bawah; misalnya order_update_2.',
  },
  TEMPLATE_NAME_TOO_LONG: {
    en: 'The name has {length} characters; shorten it to at most {max}.',
    id: 'Nama berisi {length} karakter; persingkat menjadi paling banyak {max}.',
  },
  TEMPLATE_CATEGORY_UNKNOWN: {
    en: 'The category {category} is unknown; choose one of {allowed}.',
    id: 'Kategori {category} tidak dikenal; pilih salah satu dari {allowed}.',
  },
  TEMPLATE_LANGUAGE_UNSUPPORTED: {
    en: 'WhatsApp does not support the language {language} for templates; choose a code from the supported list, such as id or en_US.',
    id: 'WhatsApp tidak mendukung bahasa {language} untuk template; pilih kode dari daftar yang didukung, misalnya id atau en_US.',
  },
  TEMPLATE_HEADER_FORMAT_UNKNOWN: {
    en: 'The header format {format} is unknown; choose one of {allowed}.',
    id: 'Format header {format} tidak dikenal; pilih salah satu dari {allowed}.',
  },
  TEMPLATE_HEADER_TOO_LONG: {
    en: 'The header text has {length} characters; shorten it to at most {max}.',
    id: 'Teks header berisi {length} karakter; persingkat menjadi paling banyak {max}.',
  },
  TEMPLATE_HEADER_TOO_MANY_VARIABLES: {
    en: 'The header has {count} variables; keep at most {max}.',
    id: 'Header berisi {count} variabel; gunakan paling banyak {max}.',
  },
  TEMPLATE_BODY_TOO_LONG: {
    en: 'The body has {length} characters; shorten it to at most {max}.',
    id: 'Isi pesan berisi {length} karakter; persingkat menjadi paling banyak {max}.',
  },
  TEMPLATE_FOOTER_TOO_LONG: {
    en: 'The footer has {length} characters; shorten it to at most {max}.',
    id: 'Footer berisi {length} karakter; persingkat menjadi paling banyak {max}.',
  },
  TEMPLATE_FOOTER_HAS_VARIABLES: {
    en: 'The footer cannot contain variables; remove every {{n}} from it.',
    id: 'Footer tidak boleh berisi variabel; hapus semua {{n}} darinya.',
  },
  TEMPLATE_VARIABLE_MALFORMED: {
    en: 'The placeholder {placeholder} is not a valid variable; write variables as {{1}}, {{2}} and so on.',
    id: 'Placeholder {placeholder} bukan variabel yang valid; tulis variabel sebagai {{1}}, {{2}}, dan seterusnya.',
  },
  TEMPLATE_VARIABLES_NOT_SEQUENTIAL: {
    en: 'Variables must be numbered from {{1}} with no gap, but {expected} is missing (found {found}); renumber them.',
    id: 'Variabel harus bernomor mulai {{1}} tanpa celah, tetapi {expected} tidak ada (ditemukan {found}); ubah penomorannya.',
  },
  TEMPLATE_VARIABLE_AT_BODY_START: {
    en: 'The body starts with the variable {variable}; add text before it.',
    id: 'Isi pesan diawali variabel {variable}; tambahkan teks sebelumnya.',
  },
  TEMPLATE_VARIABLE_AT_BODY_END: {
    en: 'The body ends with the variable {variable}; add text after it.',
    id: 'Isi pesan diakhiri variabel {variable}; tambahkan teks sesudahnya.',
  },
  TEMPLATE_VARIABLES_ADJACENT: {
    en: 'The variables {first} and {second} stand side by side; put text between them.',
    id: 'Variabel {first} dan {second} berdampingan; sisipkan teks di antaranya.',
  },
  TEMPLATE_VARIABLE_SAMPLE_MISSING: {
    en: 'The variable {variable} has no sample value; add one so WhatsApp can review the template.',
    id: 'Variabel {variable} belum memiliki contoh nilai; tambahkan agar WhatsApp dapat meninjau template.',
  },
  TEMPLATE_BUTTONS_TOO_MANY: {
    en: 'The template has {count} buttons; keep at most {max}.',
    id: 'Template berisi {count} tombol; gunakan paling banyak {max}.',
  },
  TEMPLATE_BUTTON_TYPE_UNKNOWN: {
    en: 'The button type {type} is unknown; choose one of {allowed}.',
    id: 'Jenis tombol {type} tidak dikenal; pilih salah satu dari {allowed}.',
  },
  TEMPLATE_BUTTON_TEXT_TOO_LONG: {
    en: 'The button text has {length} characters; shorten it to at most {max}.',
    id: 'Teks tombol berisi {length} karakter; persingkat menjadi paling banyak {max}.',
  },
  TEMPLATE_QUICK_REPLIES_NOT_GROUPED: {
    en: 'Quick reply buttons must be next to each other; move the other buttons before or after them.',
    id: 'Tombol balasan cepat harus berdampingan; pindahkan tombol lain ke sebelum atau sesudahnya.',
  },
  TEMPLATE_URL_BUTTONS_TOO_MANY: {
    en: 'The template has {count} URL buttons; keep at most {max}.',
    id: 'Template berisi {count} tombol URL; gunakan paling banyak {max}.',
  },
  TEMPLATE_BUTTON_URL_INVALID: {
    en: 'The button URL {url} is invalid; use an http or https address of at most {maxLength} characters.',
    id: 'URL tombol {url} tidak valid; gunakan alamat http atau https paling banyak {maxLength} karakter.',
  },
  TEMPLATE_BUTTON_URL_VARIABLE_NOT_AT_END: {
    en: 'The button URL {url} may contain only one variable, {{1}}, at its very end; move or remove the others.',
    id: 'URL tombol {url} hanya boleh berisi satu variabel, {{1}}, di bagian paling akhir; pindahkan atau hapus yang lain.',
  },
  TEMPLATE_PHONE_BUTTONS_TOO_MANY: {
    en: 'The template has {count} phone number buttons; keep at most {max}.',
    id: 'Template berisi {count} tombol nomor telepon; gunakan paling banyak {max}.',
  },
  TEMPLATE_BUTTON_PHONE_NUMBER_INVALID: {
    en: 'The button phone number {phoneNumber} is invalid; write it as + followed by the country code and number.',
    id: 'Nomor telepon tombol {phoneNumber} tidak valid; tulis sebagai + diikuti kode negara dan nomor.',
  },
  TEMPLATE_COPY_CODE_BUTTONS_TOO_MANY: {
    en: 'The template has {count} copy-code buttons; keep at most {max}.',
    id: 'Template berisi {count} tombol salin kode; gunakan paling banyak {max}.',
  },
  TEMPLATE_COPY_CODE_ONLY_IN_MARKETING: {
    en: 'A copy-code button is allowed only in MARKETING templates, not in {category}; remove it or change the category.',
    id: 'Tombol salin kode hanya diizinkan pada template MARKETING, bukan {category}; hapus tombolnya atau ubah kategorinya.',
  },
  TEMPLATE_COPY_CODE_TOO_LONG: {
    en: 'The code has {length} characters; shorten it to at most {max}.',
    id: 'Kode berisi {length} karakter; persingkat menjadi paling banyak {max}.',
  },
};
