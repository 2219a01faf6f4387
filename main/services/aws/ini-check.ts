/**
 * A line-level check of AWS shared config and credentials files. The SDK's own parser skips
 * lines it cannot read without a word, which would hide a typo that silently drops a profile;
 * this check names the file and line instead, so the analyst can fix it.
 */
export function findIniProblems(text: string, file: string): string[] {
  const problems: string[] = [];
  let inSection = false;
  let inSubsection = false;
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    const where = `${file} line ${index + 1}`;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) return;
    if (trimmed.startsWith('[')) {
      inSubsection = false;
      if (!/^\[[^\]]+\]\s*([#;].*)?$/.test(trimmed)) {
        problems.push(`${where}: a section header must look like [profile name]`);
        // Its settings belong to the broken header: one problem is reported, not one a line.
        inSection = true;
        return;
      }
      inSection = true;
      return;
    }
    const indented = /^\s/.test(line);
    if (indented && inSubsection) {
      if (!trimmed.includes('=')) problems.push(`${where}: expected "key = value" inside the nested setting`);
      return;
    }
    if (!trimmed.includes('=')) {
      problems.push(`${where}: expected "key = value" or a [section] header`);
      return;
    }
    if (!inSection) {
      problems.push(`${where}: a setting before any [section] header is ignored`);
      return;
    }
    const [key = '', value = ''] = trimmed.split('=', 2).map((part) => part.trim());
    if (key === '') problems.push(`${where}: a setting needs a name before "="`);
    inSubsection = value === '';
  });
  return problems;
}
