import type { iamContract } from '../../../shared/api/iam-contract';
import { buildIdentityReport } from '../../services/iam/identity-report';
import type { IamService } from '../../services/iam/iam-service';
import type { HandlerMap } from './handler-map';

/** IAM, read-only: an identity's context with its risky permissions, and the credential report. */
export function createIamHandlers(iam: IamService): HandlerMap<typeof iamContract> {
  return {
    async iamIdentity({ profile, kind, name, eventSources }) {
      return buildIdentityReport(await iam.identity({ profile, kind, name }), eventSources ?? []);
    },
    async iamUsers({ profile }) {
      return iam.credentialReport(profile);
    },
    async iamDeletionAudit({ profile, userName }) {
      return iam.deletionAudit({ profile, userName });
    },
  };
}
