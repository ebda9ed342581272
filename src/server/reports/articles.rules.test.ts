import { describe, expect, it } from 'vitest';
import { bodyEn, bodyFr, countryEn, countryFr, ofFr } from './articles.rules.ts';

describe('articles inside a sentence', () => {
  it('gives English countries "the" where English does', () => {
    expect(['United States', 'Netherlands', 'United Kingdom', 'Czech Republic', 'Russian Federation', 'France', 'South Korea', 'Hong Kong'].map(countryEn)).toEqual([
      'the United States', 'the Netherlands', 'the United Kingdom', 'the Czech Republic', 'the Russian Federation', 'France', 'South Korea', 'Hong Kong',
    ]);
  });

  it('gives English bodies "the" when their name describes them, and leaves proper and foreign names bare', () => {
    expect(bodyEn('Government of the French Republic')).toBe('the Government of the French Republic');
    expect(bodyEn('American Burn Association')).toBe('the American Burn Association');
    expect(bodyEn('The University of Sydney')).toBe('the University of Sydney');
    expect(bodyEn('World Health Organization')).toBe('the World Health Organization');
    for (const bare of ['Project HOPE (People-to-People Health Foundation)', 'Karolinska Institutet', 'Université Paris VII (Denis Diderot)', 'Fondation CRB (Switzerland)', 'Ligue contre le cancer', 'Alliance Française'])
      expect(bodyEn(bare)).toBe(bare);
  });

  it('gives French countries their article by gender and number, and none to islands and cities', () => {
    const named = [['FR', 'France'], ['US', 'États-Unis d’Amérique'], ['JP', 'Japon'], ['DE', 'Allemagne'], ['KR', 'Corée du Sud'], ['GB', 'Royaume-Uni'], ['MX', 'Mexique'], ['HU', 'Hongrie'], ['HK', 'Hong Kong'], ['TW', 'Taïwan'], ['NL', 'Pays-Bas'], ['IT', 'Italie'], ['CA', 'Canada']] as const;
    expect(named.map(([code, name]) => countryFr(code, name))).toEqual([
      'la France', 'les États-Unis d’Amérique', 'le Japon', 'l’Allemagne', 'la Corée du Sud', 'le Royaume-Uni', 'le Mexique', 'la Hongrie', 'Hong Kong', 'Taïwan', 'les Pays-Bas', 'l’Italie', 'le Canada',
    ]);
  });

  it('gives French bodies their article, and contracts « de » with it', () => {
    expect(bodyFr('Faculté de médecine de l’Université Jiao Tong de Shanghai')).toBe('la Faculté de médecine de l’Université Jiao Tong de Shanghai');
    expect(bodyFr('Organisation mondiale de la Santé')).toBe('l’Organisation mondiale de la Santé');
    expect(bodyFr('gouvernement de la République française')).toBe('le gouvernement de la République française');
    expect(bodyFr('Hôpital Saint-Louis')).toBe('l’Hôpital Saint-Louis');
    expect(bodyFr('Project HOPE')).toBe('Project HOPE');
    expect(['le Japon', 'les États-Unis', 'la France', 'l’Inde', 'Hong Kong', 'Israël'].map(ofFr)).toEqual(['du Japon', 'des États-Unis', 'de la France', 'de l’Inde', 'de Hong Kong', 'd’Israël']);
  });
});
