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
  contact: `${GH}/ewp-specs-types-contact/tree/stable-v1`,
  phone: `${GH}/ewp-specs-types-phonenumber/tree/stable-v1`,
  institutions: `${GH}/ewp-specs-api-institutions/tree/stable-v2`,
  institutionsEntry: `${GH}/ewp-specs-api-institutions/blob/stable-v2/manifest-entry.xsd`,
  ounits: `${GH}/ewp-specs-api-ounits/tree/stable-v2`,
  ounitsEntry: `${GH}/ewp-specs-api-ounits/blob/stable-v2/manifest-entry.xsd`,
  factsheet: `${GH}/ewp-specs-api-factsheet/tree/stable-v1`,
  factsheetEntry: `${GH}/ewp-specs-api-factsheet/blob/stable-v1/manifest-entry.xsd`,
  omobilitiesEntry: `${GH}/ewp-specs-api-omobilities/blob/stable-v3/manifest-entry.xsd`,
  omobilitiesGet: `${GH}/ewp-specs-api-omobilities/blob/stable-v3/endpoints/get-response.xsd`,
  omobilitiesIndex: `${GH}/ewp-specs-api-omobilities/blob/stable-v3/endpoints/index-response.xsd`,
} as const;
