const PLACEHOLDER = /\{\{\s*([^}\s]+)\s*\}\}/g;

/** The `{{n}}` names in a template body, in first-seen order. */
export const placeholders = (body: string): string[] => {
  const names: string[] = [];
  body.replace(PLACEHOLDER, (whole, name: string) => {
    if (!names.includes(name)) {
      names.push(name);
    }
    return whole;
  });
  return names;
};

/** The body with each `{{n}}` replaced by its value; unfilled ones stay visible. */
export const renderTemplate = (body: string, values: Record<string, string>): string =>
  body.replace(PLACEHOLDER, (whole, name: string) => (values[name]?.trim() ? values[name] : whole));
