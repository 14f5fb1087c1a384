/**
 * Language codes WhatsApp accepts for message templates, from Meta's "Supported
 * Languages" page of the Cloud API documentation (updated May 21, 2026). Codes are
 * case-sensitive and use an underscore, so `en_US` is valid and `en-US` is not.
 */
// NOTE: Meta adds regional codes over time. The codes after `ky_KG` come from the
// long-standing list and may miss regional codes Meta added later, which this list
// then rejects with TEMPLATE_LANGUAGE_UNSUPPORTED.
export const WHATSAPP_TEMPLATE_LANGUAGES: readonly string[] = [
  'af', 'sq', 'ar', 'ar_EG', 'ar_AE', 'ar_LB', 'ar_MA', 'ar_QA', 'az', 'be_BY', 'bn', 'bn_IN',
  'bg', 'ca', 'zh_CN', 'zh_HK', 'zh_TW', 'hr', 'cs', 'da', 'prs_AF', 'nl', 'nl_BE', 'en',
  'en_GB', 'en_US', 'en_AE', 'en_AU', 'en_CA', 'en_GH', 'en_IE', 'en_IN', 'en_JM', 'en_MY',
  'en_NZ', 'en_QA', 'en_SG', 'en_UG', 'en_ZA', 'et', 'fil', 'fi', 'fr', 'fr_BE', 'fr_CA',
  'fr_CH', 'fr_CI', 'fr_MA', 'ka', 'de', 'de_AT', 'de_CH', 'el', 'gu', 'ha', 'he', 'hi',
  'hu', 'id', 'ga', 'it', 'ja', 'kn', 'kk', 'rw_RW', 'ko', 'ky_KG', 'lo', 'lv', 'lt', 'mk',
  'ms', 'ml', 'mr', 'nb', 'fa', 'pl', 'pt_BR', 'pt_PT', 'pa', 'ro', 'ru', 'sr', 'sk', 'sl',
  'es', 'es_AR', 'es_ES', 'es_MX', 'sw', 'sv', 'ta', 'te', 'th', 'tr', 'uk', 'ur', 'uz',
  'vi', 'zu',
];

const LANGUAGE_SET = new Set(WHATSAPP_TEMPLATE_LANGUAGES);

export function isSupportedTemplateLanguage(code: string): boolean {
  return LANGUAGE_SET.has(code);
}
