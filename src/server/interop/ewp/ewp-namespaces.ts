/** The XML namespaces of the EWP documents Interchange writes (the versions are in the folder names of ../shared/ewp). */
const GH = 'https://github.com/erasmus-without-paper';

export const NS = {
  xml: 'http://www.w3.org/XML/1998/namespace',
  common: `${GH}/ewp-specs-architecture/blob/stable-v1/common-types.xsd`,
  discovery: `${GH}/ewp-specs-api-discovery/tree/stable-v6`,
  discoveryEntry: `${GH}/ewp-specs-api-discovery/blob/stable-v6/manifest-entry.xsd`,
  registry: `${GH}/ewp-specs-api-registry/tree/stable-v1`,
  secIntro: `${GH}/ewp-specs-sec-intro/tree/stable-v2`,
  cliauthHttpsig: `${GH}/ewp-specs-sec-cliauth-httpsig/tree/stable-v1`,
  srvauthHttpsig: `${GH}/ewp-specs-sec-srvauth-httpsig/tree/stable-v1`,
  echo: `${GH}/ewp-specs-api-echo/tree/stable-v2`,
  echoEntry: `${GH}/ewp-specs-api-echo/blob/stable-v2/manifest-entry.xsd`,
} as const;
