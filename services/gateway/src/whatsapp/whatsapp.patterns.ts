/** Message patterns of the whatsapp service, `<service>.<command-in-kebab-case>`. */
export const WHATSAPP_PATTERNS = {
  connectChannel: 'whatsapp.connect-channel',
  updateChannel: 'whatsapp.update-channel',
  disconnectChannel: 'whatsapp.disconnect-channel',
  listChannels: 'whatsapp.list-channels',
  getChannel: 'whatsapp.get-channel',
  checkTemplateDetails: 'whatsapp.check-template-details',
  previewTemplate: 'whatsapp.preview-template',
  createTemplate: 'whatsapp.create-template',
  editTemplate: 'whatsapp.edit-template',
  deleteTemplate: 'whatsapp.delete-template',
  syncTemplates: 'whatsapp.sync-templates',
  listTemplates: 'whatsapp.list-templates',
  getTemplate: 'whatsapp.get-template',
} as const;
