/** Injection token of the template stream repository (OrganizationStreamRepository of TemplateState). */
export const TEMPLATE_REPOSITORY = Symbol('TEMPLATE_REPOSITORY');
