/**
 * The demo account's people and machines. `jmorales` is the compromised user of the story; the
 * others do ordinary work. Keys and ids are fixed so that tests and screenshots can name them.
 */
export const DEMO_ACCOUNT_ID = '210987654321';
export const DEMO_REGIONS = ['us-east-1', 'eu-west-1', 'us-west-2'] as const;

export interface IamUser {
  userName: string;
  principalId: string;
  accessKeyId: string;
  homeIp: string;
  homeRegion: string;
  userAgent: string;
}

export const users = {
  jmorales: {
    userName: 'jmorales',
    principalId: 'AIDATJ4MORALES7XK2Q',
    accessKeyId: 'AKIATJ4MORALESK3Y7Q2',
    homeIp: '203.0.113.54',
    homeRegion: 'us-east-1',
    userAgent: 'aws-cli/2.15.30 Python/3.11.8 Darwin/23.4.0 exe/x86_64 prompt/off',
  },
  priya: {
    userName: 'priya.shah',
    principalId: 'AIDATPRIYASHAH4N2M6W',
    accessKeyId: 'AKIATPRIYASHAHQ5R8T3',
    homeIp: '198.51.100.23',
    homeRegion: 'eu-west-1',
    userAgent: 'aws-cli/2.17.12 Python/3.11.9 Linux/6.8.0-45-generic exe/x86_64.ubuntu.24 prompt/off',
  },
  dkim: {
    userName: 'dkim',
    principalId: 'AIDATDKIMOPS2V7L3P9X',
    accessKeyId: 'AKIATDKIMOPSW2E6N4J8',
    homeIp: '198.51.100.87',
    homeRegion: 'us-west-2',
    userAgent:
      'Boto3/1.34.84 md/Botocore#1.34.84 ua/2.0 os/linux#6.1.0 md/arch#x86_64 lang/python#3.12.3 cfg/retry-mode#legacy Botocore/1.34.84',
  },
  ci: {
    userName: 'ci-deployer',
    principalId: 'AIDATCIDEPLOYER3K8H2',
    accessKeyId: 'AKIATCIDEPLOYERM7V2L4',
    homeIp: '192.0.2.140',
    homeRegion: 'eu-west-1',
    userAgent: 'aws-sdk-js/3.614.0 ua/2.0 os/linux#6.5.0-1025-azure lang/js md/nodejs#20.15.1 api/sts#3.614.0',
  },
} satisfies Record<string, IamUser>;

/**
 * The story's attacker: the new key, the addresses and the sessions they open. Both addresses are
 * in public Tor exit ranges (185.220.101.0/24 in Germany, 23.129.64.0/24 in the United States):
 * the attacker works through Tor, and when the circuit changes country the calls seem to jump an
 * ocean in minutes. The CLI runs on Kali Linux, which the AWS CLI writes into its user agent.
 */
export const attacker = {
  ip: '185.220.101.47',
  laterIp: '23.129.64.131',
  consoleUserAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  cliUserAgent: 'aws-cli/2.15.0 Python/3.11.6 Linux/6.5.0-kali3-amd64 exe/x86_64.kali.2024 prompt/off',
  newAccessKeyId: 'AKIATJ4MORALESNEW5Z8',
  roleSessionKeyId: 'ASIATJ4ROLESESSION9P3',
  sessionTokenKeyId: 'ASIATJ4SESSIONTOKENX6',
  roleName: 'prod-admin',
  roleSessionName: 'maint-0412',
};

export const ciRole = { roleName: 'ci-deploy-role', roleId: 'AROATCIDEPLOYROLE5X2B' };
export const prodAdminRole = { roleName: 'prod-admin', roleId: 'AROATPRODADMIN7Q4W1Z' };
