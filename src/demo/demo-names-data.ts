/**
 * Name pools for the demo's invented foreign visitors and experts: common family and given
 * names of each country, combined at random, so that every person is plausible for their
 * country and none is a real one. Names written in Han characters, kana-free kanji or hangul
 * carry their script beside the Latin transliteration the office writes.
 */

/** Western order and script: the given name, then the family name. */
export interface LatinPool {
  style: 'latin';
  family: readonly string[];
  male: readonly string[];
  female: readonly string[];
}

/** [Latin, own script, as the office writes it in simplified Chinese]; given names carry their usual gender. */
type Written = readonly [latin: string, script: string, zh: string];
type WrittenGiven = readonly [latin: string, script: string, zh: string, gender: 'male' | 'female'];

/**
 * Names in Han characters, family name first: Hong Kong and Taiwan (traditional characters),
 * Singapore and the mainland (simplified), Japan (kanji), Korea (hangul, with the Han
 * characters the office writes).
 */
export interface ScriptPool {
  style: 'script';
  family: readonly Written[];
  given: readonly WrittenGiven[];
}

/** A country's names, in Latin script only or with their own script. */
export type NamePool = LatinPool | ScriptPool;

const ENGLISH: LatinPool = {
  style: 'latin',
  family: ['Anderson', 'Baker', 'Bennett', 'Brooks', 'Carter', 'Collins', 'Cooper', 'Crawford', 'Davies', 'Dawson', 'Ellis', 'Fletcher', 'Foster', 'Gardner', 'Graham', 'Griffin', 'Harper', 'Hayes', 'Holloway', 'Hughes', 'Jenkins', 'Kendall', 'Lawson', 'Marshall', 'Mitchell', 'Morgan', 'Nolan', 'Palmer', 'Parker', 'Porter', 'Reed', 'Russell', 'Sanders', 'Shaw', 'Sheridan', 'Sullivan', 'Thornton', 'Walsh', 'Warren', 'Webb', 'Whitaker', 'Winslow'],
  male: ['Andrew', 'Benjamin', 'Christopher', 'Daniel', 'David', 'Edward', 'Gregory', 'Henry', 'James', 'Jonathan', 'Kevin', 'Matthew', 'Michael', 'Nathan', 'Patrick', 'Paul', 'Peter', 'Richard', 'Robert', 'Samuel', 'Stephen', 'Thomas', 'Timothy', 'William'],
  female: ['Alison', 'Amanda', 'Catherine', 'Claire', 'Deborah', 'Elizabeth', 'Emily', 'Fiona', 'Hannah', 'Helen', 'Jennifer', 'Julia', 'Karen', 'Laura', 'Margaret', 'Rachel', 'Rebecca', 'Sarah', 'Susan', 'Victoria'],
};

const FRENCH: LatinPool = {
  style: 'latin',
  family: ['Arnaud', 'Aubert', 'Barbier', 'Bertrand', 'Blanchard', 'Bonnet', 'Bourgeois', 'Brunet', 'Chevalier', 'Clément', 'Dubois', 'Dufour', 'Dumas', 'Duval', 'Fabre', 'Faure', 'Fontaine', 'Fournier', 'Garnier', 'Gauthier', 'Girard', 'Guérin', 'Joly', 'Lacroix', 'Lambert', 'Laurent', 'Leclerc', 'Lefèvre', 'Legrand', 'Lemaire', 'Marchand', 'Masson', 'Mercier', 'Meunier', 'Morel', 'Moulin', 'Perrin', 'Picard', 'Renaud', 'Rivière', 'Roche', 'Rousseau', 'Roussel', 'Vidal'],
  male: ['Alain', 'Antoine', 'Benoît', 'Christophe', 'Denis', 'Éric', 'François', 'Frédéric', 'Gilles', 'Hervé', 'Jacques', 'Jean-Luc', 'Jérôme', 'Julien', 'Laurent', 'Marc', 'Nicolas', 'Olivier', 'Philippe', 'Pierre', 'Sébastien', 'Stéphane', 'Thierry', 'Yves'],
  female: ['Agnès', 'Anne', 'Aurélie', 'Brigitte', 'Camille', 'Catherine', 'Céline', 'Claire', 'Delphine', 'Élise', 'Françoise', 'Hélène', 'Isabelle', 'Laurence', 'Marie', 'Martine', 'Nathalie', 'Sophie', 'Sylvie', 'Valérie'],
};

const GERMAN: LatinPool = {
  style: 'latin',
  family: ['Bauer', 'Becker', 'Braun', 'Fischer', 'Hartmann', 'Hoffmann', 'Keller', 'Klein', 'Koch', 'Köhler', 'Krause', 'Krüger', 'Lange', 'Lehmann', 'Maier', 'Neumann', 'Richter', 'Schäfer', 'Schmitt', 'Schröder', 'Schulz', 'Schwarz', 'Vogel', 'Wagner', 'Weber', 'Werner', 'Winkler', 'Zimmermann'],
  male: ['Andreas', 'Christian', 'Dieter', 'Frank', 'Jürgen', 'Klaus', 'Markus', 'Matthias', 'Michael', 'Peter', 'Ralf', 'Stefan', 'Thomas', 'Uwe', 'Wolfgang'],
  female: ['Andrea', 'Birgit', 'Claudia', 'Gabriele', 'Katrin', 'Monika', 'Petra', 'Sabine', 'Susanne', 'Ulrike'],
};

const SWEDISH: LatinPool = {
  style: 'latin',
  family: ['Andersson', 'Bergström', 'Ekström', 'Eriksson', 'Gustafsson', 'Hedlund', 'Holm', 'Johansson', 'Karlsson', 'Larsson', 'Lindberg', 'Lindqvist', 'Lundgren', 'Nilsson', 'Nyström', 'Olsson', 'Persson', 'Sjöberg', 'Svensson', 'Wallin'],
  male: ['Anders', 'Björn', 'Erik', 'Fredrik', 'Gunnar', 'Henrik', 'Johan', 'Lars', 'Magnus', 'Mats', 'Per', 'Stefan'],
  female: ['Anna', 'Annika', 'Birgitta', 'Eva', 'Helena', 'Ingrid', 'Karin', 'Malin', 'Maria', 'Ulla'],
};

const DUTCH: LatinPool = {
  style: 'latin',
  family: ['Bakker', 'Bos', 'de Boer', 'de Groot', 'de Vries', 'Dekker', 'Hendriks', 'Jansen', 'Kok', 'Meijer', 'Mulder', 'Smit', 'van den Berg', 'van der Linden', 'van Dijk', 'Visser', 'Vos'],
  male: ['Bas', 'Hendrik', 'Jan', 'Joost', 'Maarten', 'Pieter', 'Ruud', 'Sander', 'Willem'],
  female: ['Anke', 'Eline', 'Femke', 'Ingrid', 'Marieke', 'Mirjam', 'Saskia'],
};

const FLEMISH: LatinPool = {
  style: 'latin',
  family: ['Claes', 'De Smet', 'Goossens', 'Jacobs', 'Janssens', 'Maes', 'Mertens', 'Peeters', 'Van Damme', 'Willems', 'Wouters'],
  male: ['Bart', 'Dirk', 'Geert', 'Koen', 'Luc', 'Pieter', 'Tom', 'Wim'],
  female: ['An', 'Els', 'Griet', 'Hilde', 'Katrien', 'Sofie'],
};

const ITALIAN: LatinPool = {
  style: 'latin',
  family: ['Bianchi', 'Bruno', 'Colombo', 'Conti', 'Costa', 'De Luca', 'Esposito', 'Ferrari', 'Gallo', 'Greco', 'Marino', 'Moretti', 'Ricci', 'Romano', 'Rossi', 'Russo'],
  male: ['Alessandro', 'Andrea', 'Francesco', 'Giorgio', 'Giuseppe', 'Luca', 'Marco', 'Paolo', 'Roberto', 'Stefano'],
  female: ['Chiara', 'Elena', 'Francesca', 'Giulia', 'Laura', 'Paola', 'Silvia', 'Valentina'],
};

const SWISS: LatinPool = {
  style: 'latin',
  family: ['Bonvin', 'Brunner', 'Favre', 'Gerber', 'Huber', 'Keller', 'Meier', 'Rochat', 'Schmid', 'Steiner', 'Zbinden'],
  male: ['Beat', 'Christophe', 'Daniel', 'Lukas', 'Martin', 'Pascal', 'Reto', 'Urs'],
  female: ['Anne-Laure', 'Corinne', 'Nicole', 'Regula', 'Sandra', 'Simone'],
};

const HUNGARIAN: LatinPool = {
  style: 'latin',
  family: ['Farkas', 'Horváth', 'Kiss', 'Kovács', 'Molnár', 'Nagy', 'Németh', 'Szabó', 'Tóth', 'Varga'],
  male: ['Gábor', 'István', 'László', 'Péter', 'Tamás', 'Zoltán'],
  female: ['Éva', 'Ildikó', 'Katalin', 'Krisztina', 'Zsuzsanna'],
};

const FINNISH: LatinPool = {
  style: 'latin',
  family: ['Heikkinen', 'Hämäläinen', 'Korhonen', 'Laine', 'Mäkelä', 'Mäkinen', 'Nieminen', 'Virtanen'],
  male: ['Jari', 'Juha', 'Mikko', 'Pekka', 'Timo'],
  female: ['Anne', 'Päivi', 'Satu', 'Tiina'],
};

const NORWEGIAN: LatinPool = {
  style: 'latin',
  family: ['Andersen', 'Berg', 'Haugen', 'Johansen', 'Kristiansen', 'Larsen', 'Nilsen', 'Olsen', 'Pedersen'],
  male: ['Bjørn', 'Erik', 'Knut', 'Lars', 'Ole', 'Tor'],
  female: ['Ingrid', 'Kari', 'Marit', 'Silje', 'Solveig'],
};

const DANISH: LatinPool = {
  style: 'latin',
  family: ['Christensen', 'Hansen', 'Jensen', 'Larsen', 'Møller', 'Nielsen', 'Rasmussen', 'Sørensen'],
  male: ['Jens', 'Mads', 'Niels', 'Rasmus', 'Søren'],
  female: ['Camilla', 'Hanne', 'Lene', 'Mette'],
};

// Japanese names in kanji as written in Japan, and as the office writes them in simplified Chinese.
const JAPANESE: ScriptPool = {
  style: 'script',
  family: [
    ['Sato', '佐藤', '佐藤'], ['Suzuki', '鈴木', '铃木'], ['Takahashi', '高橋', '高桥'], ['Tanaka', '田中', '田中'], ['Watanabe', '渡辺', '渡边'],
    ['Ito', '伊藤', '伊藤'], ['Yamamoto', '山本', '山本'], ['Nakamura', '中村', '中村'], ['Kobayashi', '小林', '小林'], ['Kato', '加藤', '加藤'],
    ['Yoshida', '吉田', '吉田'], ['Yamada', '山田', '山田'], ['Matsumoto', '松本', '松本'], ['Inoue', '井上', '井上'], ['Kimura', '木村', '木村'],
    ['Hayashi', '林', '林'], ['Shimizu', '清水', '清水'], ['Yamaguchi', '山口', '山口'], ['Mori', '森', '森'], ['Ikeda', '池田', '池田'],
    ['Hashimoto', '橋本', '桥本'], ['Ishikawa', '石川', '石川'], ['Ogawa', '小川', '小川'], ['Fujita', '藤田', '藤田'],
  ],
  given: [
    ['Hiroshi', '浩', '浩', 'male'], ['Ken-ichi', '健一', '健一', 'male'], ['Makoto', '誠', '诚', 'male'], ['Takashi', '隆', '隆', 'male'],
    ['Osamu', '修', '修', 'male'], ['Naoki', '直樹', '直树', 'male'], ['Kazuo', '和夫', '和夫', 'male'], ['Satoshi', '聡', '聪', 'male'],
    ['Daisuke', '大輔', '大辅', 'male'], ['Tetsuya', '哲也', '哲也', 'male'], ['Yoshio', '義雄', '义雄', 'male'], ['Masao', '正雄', '正雄', 'male'],
    ['Keiko', '恵子', '惠子', 'female'], ['Yumi', '由美', '由美', 'female'], ['Yuko', '裕子', '裕子', 'female'], ['Naoko', '直子', '直子', 'female'],
    ['Mariko', '真理子', '真理子', 'female'], ['Yoko', '陽子', '阳子', 'female'], ['Tomoko', '智子', '智子', 'female'], ['Akiko', '明子', '明子', 'female'],
  ],
};

// Korean names in hangul, with the Han characters (hanja) the office writes in Chinese.
const KOREAN: ScriptPool = {
  style: 'script',
  family: [
    ['Kim', '김', '金'], ['Lee', '이', '李'], ['Park', '박', '朴'], ['Choi', '최', '崔'], ['Jung', '정', '郑'], ['Kang', '강', '姜'], ['Cho', '조', '赵'],
    ['Yoon', '윤', '尹'], ['Jang', '장', '张'], ['Lim', '임', '林'], ['Han', '한', '韩'], ['Shin', '신', '申'], ['Seo', '서', '徐'], ['Oh', '오', '吴'],
  ],
  given: [
    ['Min-jun', '민준', '敏俊', 'male'], ['Ji-hoon', '지훈', '智勋', 'male'], ['Sung-min', '성민', '成敏', 'male'], ['Young-ho', '영호', '永浩', 'male'],
    ['Hyun-woo', '현우', '贤宇', 'male'], ['Jung-hoon', '정훈', '正勋', 'male'], ['Dong-hyun', '동현', '东贤', 'male'], ['Sang-woo', '상우', '相宇', 'male'],
    ['Su-jin', '수진', '秀珍', 'female'], ['Ji-young', '지영', '智英', 'female'], ['Eun-jung', '은정', '恩贞', 'female'], ['Hye-jin', '혜진', '惠珍', 'female'],
    ['Mi-kyung', '미경', '美京', 'female'], ['Yeon-hee', '연희', '妍熙', 'female'],
  ],
};

// Hong Kong romanises Cantonese and writes traditional characters.
const HONG_KONG: ScriptPool = {
  style: 'script',
  family: [
    ['Chan', '陳', '陈'], ['Cheung', '張', '张'], ['Chow', '周', '周'], ['Fung', '馮', '冯'], ['Ho', '何', '何'], ['Lam', '林', '林'], ['Lau', '劉', '刘'],
    ['Lee', '李', '李'], ['Leung', '梁', '梁'], ['Ng', '吳', '吴'], ['Wong', '黃', '黄'], ['Yeung', '楊', '杨'], ['Tang', '鄧', '邓'], ['Kwok', '郭', '郭'],
  ],
  given: [
    ['Ka-ming', '家明', '家明', 'male'], ['Chi-keung', '志強', '志强', 'male'], ['Wai-man', '偉文', '伟文', 'male'], ['Kwok-wah', '國華', '国华', 'male'],
    ['Man-kit', '文傑', '文杰', 'male'], ['Chun-pong', '振邦', '振邦', 'male'], ['Siu-lun', '兆麟', '兆麟', 'male'], ['Ka-yan', '嘉欣', '嘉欣', 'female'],
    ['Wing-sze', '詠詩', '咏诗', 'female'], ['Mei-ling', '美玲', '美玲', 'female'], ['Sau-yee', '秀儀', '秀仪', 'female'], ['Pui-man', '佩雯', '佩雯', 'female'],
  ],
};

// Taiwan romanises in Wade–Giles and writes traditional characters.
const TAIWAN: ScriptPool = {
  style: 'script',
  family: [
    ['Chang', '張', '张'], ['Chen', '陳', '陈'], ['Cheng', '鄭', '郑'], ['Hsu', '許', '许'], ['Huang', '黃', '黄'], ['Lee', '李', '李'],
    ['Lin', '林', '林'], ['Liu', '劉', '刘'], ['Tsai', '蔡', '蔡'], ['Wang', '王', '王'], ['Wu', '吳', '吴'], ['Yang', '楊', '杨'],
  ],
  given: [
    ['Chih-ming', '志明', '志明', 'male'], ['Chien-hung', '建宏', '建宏', 'male'], ['Chun-chieh', '俊傑', '俊杰', 'male'], ['Tsung-han', '宗翰', '宗翰', 'male'],
    ['Wen-pin', '文彬', '文彬', 'male'], ['Chia-hao', '家豪', '家豪', 'male'], ['Shu-fen', '淑芬', '淑芬', 'female'], ['Ya-ting', '雅婷', '雅婷', 'female'],
    ['Yi-chun', '怡君', '怡君', 'female'], ['Mei-hui', '美惠', '美惠', 'female'],
  ],
};

// Singapore writes simplified characters and romanises the family's dialect (Hokkien, Teochew …).
const SINGAPORE: ScriptPool = {
  style: 'script',
  family: [['Tan', '陈', '陈'], ['Lim', '林', '林'], ['Lee', '李', '李'], ['Ng', '黄', '黄'], ['Goh', '吴', '吴'], ['Teo', '张', '张'], ['Ong', '王', '王'], ['Chua', '蔡', '蔡']],
  given: [
    ['Wei Ming', '伟明', '伟明', 'male'], ['Chee Keong', '志强', '志强', 'male'], ['Kok Leong', '国良', '国良', 'male'], ['Boon Huat', '文发', '文发', 'male'],
    ['Hui Ling', '慧玲', '慧玲', 'female'], ['Mei Hua', '美华', '美华', 'female'], ['Siew Ling', '秀玲', '秀玲', 'female'],
  ],
};

/** Our own colleagues on attendee lists: mainland names in pinyin and simplified characters. */
export const CHINESE: ScriptPool = {
  style: 'script',
  family: [
    ['Wang', '王', '王'], ['Li', '李', '李'], ['Zhang', '张', '张'], ['Liu', '刘', '刘'], ['Chen', '陈', '陈'], ['Yang', '杨', '杨'], ['Zhao', '赵', '赵'],
    ['Huang', '黄', '黄'], ['Zhou', '周', '周'], ['Wu', '吴', '吴'], ['Xu', '徐', '徐'], ['Sun', '孙', '孙'], ['Zhu', '朱', '朱'], ['Ma', '马', '马'],
    ['Hu', '胡', '胡'], ['Guo', '郭', '郭'], ['Lin', '林', '林'], ['He', '何', '何'],
  ],
  given: [
    ['Wei', '伟', '伟', 'male'], ['Jun', '军', '军', 'male'], ['Lei', '磊', '磊', 'male'], ['Tao', '涛', '涛', 'male'], ['Jianguo', '建国', '建国', 'male'],
    ['Zhiqiang', '志强', '志强', 'male'], ['Haibo', '海波', '海波', 'male'], ['Xiaodong', '晓东', '晓东', 'male'], ['Hong', '红', '红', 'female'],
    ['Fang', '芳', '芳', 'female'], ['Jing', '静', '静', 'female'], ['Li', '丽', '丽', 'female'], ['Yan', '燕', '燕', 'female'], ['Xiaohong', '晓红', '晓红', 'female'],
    ['Hui', '慧', '慧', 'female'], ['Min', '敏', '敏', 'female'],
  ],
};

/** The pool each country's people are named from. */
export const NAME_POOLS: Record<string, NamePool> = {
  US: ENGLISH, GB: ENGLISH, AU: ENGLISH, CA: ENGLISH, IE: ENGLISH, NZ: ENGLISH,
  FR: FRENCH, DE: GERMAN, AT: GERMAN, SE: SWEDISH, NL: DUTCH, BE: FLEMISH, IT: ITALIAN, CH: SWISS,
  HU: HUNGARIAN, FI: FINNISH, NO: NORWEGIAN, DK: DANISH,
  JP: JAPANESE, KR: KOREAN, HK: HONG_KONG, TW: TAIWAN, SG: SINGAPORE, CN: CHINESE,
};

/** Canadians in Quebec, the Belgians of Wallonia and the French-speaking Swiss are named in French. */
export const FRENCH_POOL = FRENCH;
