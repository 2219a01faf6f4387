import { visibleText } from '../../../shared/display/visible-text';

/** Says that a deep link named a profile the AWS config files do not have, and what to do. */
export function UnknownProfileNotice({ name }: { name: string }) {
  return (
    <div role="alert" className="banner banner-warning" data-testid="unknown-profile">
      The link names the AWS profile “{visibleText(name)}”, which is not in your AWS config files. Choose a profile above, or add this one to
      your AWS config and press Reload profiles.
    </div>
  );
}
