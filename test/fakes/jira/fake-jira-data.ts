/** The site a fake Jira serves: projects, issue types and their create fields. */
export interface FakeField {
  fieldId: string;
  name: string;
  required: boolean;
  schema: { type: string; items?: string; system?: string; custom?: string };
  allowedValues?: Array<{ id: string; name?: string; value?: string }>;
  hasDefaultValue?: boolean;
}

export interface FakeIssueType {
  id: string;
  name: string;
  subtask: boolean;
  fields: FakeField[];
}

export interface FakeProject {
  id: string;
  key: string;
  name: string;
  issueTypes: FakeIssueType[];
}

export interface FakeIssue {
  id: string;
  key: string;
  fields: Record<string, unknown>;
  createdAt: number;
  attachments: Array<{ id: string; filename: string; content: string }>;
}

const summary: FakeField = { fieldId: 'summary', name: 'Summary', required: true, schema: { type: 'string', system: 'summary' } };
const description: FakeField = {
  fieldId: 'description',
  name: 'Description',
  required: false,
  schema: { type: 'string', system: 'description' },
};
const labels: FakeField = {
  fieldId: 'labels',
  name: 'Labels',
  required: false,
  schema: { type: 'array', items: 'string', system: 'labels' },
};
const priority: FakeField = {
  fieldId: 'priority',
  name: 'Priority',
  required: false,
  hasDefaultValue: true,
  schema: { type: 'priority', system: 'priority' },
  allowedValues: ['Highest', 'High', 'Medium', 'Low', 'Lowest'].map((name, i) => ({ id: String(i + 1), name })),
};
const severity: FakeField = {
  fieldId: 'customfield_10050',
  name: 'Severity',
  required: true,
  schema: { type: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:select' },
  allowedValues: [
    { id: '10100', value: 'Sev 1' },
    { id: '10101', value: 'Sev 2' },
    { id: '10102', value: 'Sev 3' },
  ],
};
const team: FakeField = {
  fieldId: 'customfield_10060',
  name: 'Team',
  required: true,
  schema: { type: 'string', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textfield' },
};

/** A site with a security project whose Incident type requires a Severity and a Team. */
export function defaultProjects(): FakeProject[] {
  return [
    {
      id: '10000',
      key: 'SEC',
      name: 'Security',
      issueTypes: [
        { id: '10001', name: 'Task', subtask: false, fields: [summary, description, labels, priority] },
        { id: '10002', name: 'Incident', subtask: false, fields: [summary, description, labels, priority, severity, team] },
        { id: '10003', name: 'Sub-task', subtask: true, fields: [summary] },
      ],
    },
    {
      id: '10010',
      key: 'OPS',
      name: 'Operations',
      issueTypes: [{ id: '10011', name: 'Task', subtask: false, fields: [summary, description, labels] }],
    },
  ];
}
