/** Request and response shapes of the WhatsApp Cloud API (Graph API), in Meta's own field names. */

export interface GraphErrorBody {
  error: {
    message: string;
    type?: string;
    code: number;
    error_subcode?: number;
    error_user_title?: string;
    error_user_msg?: string;
    fbtrace_id?: string;
  };
}

export interface PhoneNumberResponse {
  id: string;
  display_phone_number: string;
  verified_name: string;
  quality_rating?: string;
}

export interface GraphTemplateComponent {
  type: 'HEADER' | 'BODY' | 'FOOTER' | 'BUTTONS';
  format?: string;
  text?: string;
  example?: { header_text?: string[]; body_text?: string[][]; header_handle?: string[] };
  buttons?: Array<{ type: string; text?: string; url?: string; phone_number?: string; example?: string | string[] }>;
}

export interface CreateTemplateRequest {
  name: string;
  language: string;
  category: string;
  components: GraphTemplateComponent[];
}

export interface CreateTemplateResponse {
  id: string;
  status: string;
  category: string;
}

export interface EditTemplateRequest {
  category?: string;
  components: GraphTemplateComponent[];
}

export interface GraphTemplate {
  id: string;
  name: string;
  language: string;
  status: string;
  category: string;
  components: GraphTemplateComponent[];
  rejected_reason?: string;
}

export interface GraphPaging {
  cursors?: { before?: string; after?: string };
  next?: string;
  previous?: string;
}

export interface TemplatePage {
  data: GraphTemplate[];
  paging?: GraphPaging;
}
