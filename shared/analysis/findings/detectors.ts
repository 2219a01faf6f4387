import { detectConsoleWithoutMfa } from './console-without-mfa';
import type { Detector } from './detector';
import { detectFlagGroups } from './flag-categories';
import { detectImpossibleTravel } from './impossible-travel';
import { detectInstanceCredentialsOutsideAws } from './instance-credentials';
import { detectNewValues } from './new-values';
import { detectPentestTools } from './pentest-tool';
import { detectReconBursts } from './recon-burst';
import { detectSignInFailures } from './sign-in-failures';
import { detectTorExits } from './tor-exit';

/** Every kind of finding, in the order their notes read best. */
export const detectors: readonly Detector[] = [
  detectTorExits,
  detectPentestTools,
  detectImpossibleTravel,
  detectInstanceCredentialsOutsideAws,
  detectReconBursts,
  detectSignInFailures,
  detectConsoleWithoutMfa,
  detectFlagGroups,
  detectNewValues,
];
