import { describe, expect, it } from 'vitest';
import { identifierKey, registrableDomain } from './web-domain.rules.ts';

describe('registrableDomain', () => {
  it('gives one domain for every way an address of the same university is written', () => {
    const forms = ['https://ki.se/en', 'http://www.ki.se/', 'www.ki.se', 'KI.SE.', 'https://news.ki.se:443/path?x=1#top', 'ki.se'];
    expect(new Set(forms.map(registrableDomain))).toEqual(new Set(['ki.se']));
  });

  it('keeps the label a country registers under (ac.uk, edu.au, ac.jp) and tells universities under it apart', () => {
    expect(registrableDomain('https://www.ox.ac.uk/admissions')).toBe('ox.ac.uk');
    expect(registrableDomain('https://www.cam.ac.uk')).toBe('cam.ac.uk');
    expect(registrableDomain('https://medicine.unimelb.edu.au/')).toBe('unimelb.edu.au');
    expect(registrableDomain('https://www.hku.hk')).toBe('hku.hk');
    expect(registrableDomain('https://www.u-paris.fr')).toBe('u-paris.fr');
  });

  it('has none for what is not a host name', () => {
    for (const v of [null, '', 'localhost', 'https://127.0.0.1/', 'not a website']) expect(registrableDomain(v)).toBeNull();
  });
});

describe('identifierKey', () => {
  it('reads an Erasmus code the same whatever its spacing and case', () => {
    expect(identifierKey('S  STOCKHO03')).toBe(identifierKey('s stockho03'));
    expect(identifierKey('   ')).toBeNull();
  });
});
