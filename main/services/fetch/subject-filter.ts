import type { Subject } from '../../../shared/api/fetch-contract';
import type { LogFilter } from '../sources/log-files/log-query';

/** The filter a source that reads records (log files, S3, Athena) applies for a query's subject. */
export function subjectFilter(subject: Subject): LogFilter {
  switch (subject.kind) {
    case 'user':
      return { kind: 'user', userName: subject.userName };
    case 'accessKey':
      return { kind: 'accessKey', accessKeyId: subject.accessKeyId };
    case 'ip':
      return { kind: 'ip', address: subject.address };
    case 'role':
      return { kind: 'role', roleName: subject.roleName };
    case 'resource':
      return { kind: 'resource', resource: subject.name };
  }
}
