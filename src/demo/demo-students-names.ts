/**
 * Name pools for the demo's invented international students, by the script their country
 * writes names in: common family and given names combined at random, each with its own script
 * beside the Latin transliteration the office writes (Thai, Devanagari, Bengali, Urdu and
 * Arabic, Cyrillic, Lao, Khmer, Burmese; Vietnamese with its diacritics). Korea, Japan,
 * Singapore and the Latin-script countries of the other demo people use their pools
 * (demo-names-data.ts); the rest use the regional pools here.
 */

/** [Latin, own script]; given names carry their usual gender. */
type Part = readonly [latin: string, script: string];
type GivenPart = readonly [latin: string, script: string, gender: 'male' | 'female'];

/** A pool of names in a script of their own. `familyFirst`: the family name is written first (Vietnamese, Khmer). */
export interface StudentScriptPool {
  kind: 'script';
  familyFirst: boolean;
  family: readonly Part[];
  given: readonly GivenPart[];
}

/** A pool of names in Latin script only, given name first. */
export interface StudentLatinPool {
  kind: 'latin';
  family: readonly string[];
  male: readonly string[];
  female: readonly string[];
}

export type StudentNamePool = StudentScriptPool | StudentLatinPool;

const VIETNAMESE: StudentScriptPool = {
  kind: 'script', familyFirst: true,
  family: [['Nguyen', 'Nguyễn'], ['Tran', 'Trần'], ['Le', 'Lê'], ['Pham', 'Phạm'], ['Hoang', 'Hoàng'], ['Vu', 'Vũ'], ['Dang', 'Đặng'], ['Bui', 'Bùi'], ['Do', 'Đỗ'], ['Ngo', 'Ngô']],
  given: [['Van An', 'Văn An', 'male'], ['Minh Duc', 'Minh Đức', 'male'], ['Quoc Bao', 'Quốc Bảo', 'male'], ['Huu Thang', 'Hữu Thắng', 'male'], ['Thanh Tung', 'Thanh Tùng', 'male'], ['Duc Anh', 'Đức Anh', 'male'],
    ['Thi Lan', 'Thị Lan', 'female'], ['Thu Ha', 'Thu Hà', 'female'], ['Ngoc Anh', 'Ngọc Ánh', 'female'], ['Thi Huong', 'Thị Hương', 'female'], ['Minh Thu', 'Minh Thư', 'female'], ['Phuong Linh', 'Phương Linh', 'female']],
};

const THAI: StudentScriptPool = {
  kind: 'script', familyFirst: false,
  family: [['Srisuk', 'ศรีสุข'], ['Saetang', 'แซ่ตั้ง'], ['Wongsawat', 'วงศ์สวัสดิ์'], ['Chaiyaporn', 'ชัยพร'], ['Boonmee', 'บุญมี'], ['Thongchai', 'ธงชัย'], ['Rattanakorn', 'รัตนากร'], ['Sukprasert', 'สุขประเสริฐ']],
  given: [['Somchai', 'สมชาย', 'male'], ['Anan', 'อนันต์', 'male'], ['Kittisak', 'กิตติศักดิ์', 'male'], ['Nattapong', 'ณัฐพงศ์', 'male'], ['Thanawat', 'ธนวัฒน์', 'male'],
    ['Siriporn', 'ศิริพร', 'female'], ['Pimchanok', 'พิมพ์ชนก', 'female'], ['Kanokwan', 'กนกวรรณ', 'female'], ['Suda', 'สุดา', 'female'], ['Waraporn', 'วราภรณ์', 'female']],
};

const HINDI: StudentScriptPool = {
  kind: 'script', familyFirst: false,
  family: [['Sharma', 'शर्मा'], ['Verma', 'वर्मा'], ['Gupta', 'गुप्ता'], ['Singh', 'सिंह'], ['Patel', 'पटेल'], ['Kumar', 'कुमार'], ['Mishra', 'मिश्रा'], ['Joshi', 'जोशी'], ['Reddy', 'रेड्डी'], ['Nair', 'नायर']],
  given: [['Rahul', 'राहुल', 'male'], ['Amit', 'अमित', 'male'], ['Vikram', 'विक्रम', 'male'], ['Arjun', 'अर्जुन', 'male'], ['Rohit', 'रोहित', 'male'], ['Sanjay', 'संजय', 'male'],
    ['Priya', 'प्रिया', 'female'], ['Anjali', 'अंजलि', 'female'], ['Neha', 'नेहा', 'female'], ['Pooja', 'पूजा', 'female'], ['Kavita', 'कविता', 'female'], ['Sunita', 'सुनीता', 'female']],
};

const NEPALI: StudentScriptPool = {
  kind: 'script', familyFirst: false,
  family: [['Shrestha', 'श्रेष्ठ'], ['Adhikari', 'अधिकारी'], ['Thapa', 'थापा'], ['Gurung', 'गुरुङ'], ['Karki', 'कार्की'], ['Poudel', 'पौडेल'], ['Tamang', 'तामाङ'], ['Bhattarai', 'भट्टराई']],
  given: [['Bikash', 'बिकास', 'male'], ['Suman', 'सुमन', 'male'], ['Prakash', 'प्रकाश', 'male'], ['Rajesh', 'राजेश', 'male'], ['Sagar', 'सागर', 'male'],
    ['Sita', 'सीता', 'female'], ['Anita', 'अनिता', 'female'], ['Sabina', 'सबिना', 'female'], ['Puja', 'पूजा', 'female'], ['Rita', 'रीता', 'female']],
};

const BENGALI: StudentScriptPool = {
  kind: 'script', familyFirst: false,
  family: [['Rahman', 'রহমান'], ['Hossain', 'হোসেন'], ['Islam', 'ইসলাম'], ['Ahmed', 'আহমেদ'], ['Chowdhury', 'চৌধুরী'], ['Das', 'দাস']],
  given: [['Karim', 'করিম', 'male'], ['Rafiq', 'রফিক', 'male'], ['Tanvir', 'তানভীর', 'male'], ['Sabbir', 'সাব্বির', 'male'],
    ['Fatema', 'ফাতেমা', 'female'], ['Nasrin', 'নাসরিন', 'female'], ['Sumaiya', 'সুমাইয়া', 'female'], ['Shirin', 'শিরিন', 'female']],
};

const URDU: StudentScriptPool = {
  kind: 'script', familyFirst: false,
  family: [['Khan', 'خان'], ['Ahmed', 'احمد'], ['Ali', 'علی'], ['Hussain', 'حسین'], ['Malik', 'ملک'], ['Qureshi', 'قریشی'], ['Butt', 'بٹ'], ['Iqbal', 'اقبال'], ['Siddiqui', 'صدیقی'], ['Raza', 'رضا']],
  given: [['Muhammad Usman', 'محمد عثمان', 'male'], ['Ali Raza', 'علی رضا', 'male'], ['Bilal', 'بلال', 'male'], ['Hamza', 'حمزہ', 'male'], ['Imran', 'عمران', 'male'], ['Zeeshan', 'ذیشان', 'male'],
    ['Ayesha', 'عائشہ', 'female'], ['Fatima', 'فاطمہ', 'female'], ['Sana', 'ثناء', 'female'], ['Maryam', 'مریم', 'female'], ['Hira', 'حرا', 'female'], ['Zainab', 'زینب', 'female']],
};

const ARABIC: StudentScriptPool = {
  kind: 'script', familyFirst: false,
  family: [['Hassan', 'حسن'], ['Ibrahim', 'إبراهيم'], ['Mahmoud', 'محمود'], ['Abdallah', 'عبد الله'], ['Saleh', 'صالح'], ['Mansour', 'منصور'], ['Youssef', 'يوسف'], ['Nasser', 'ناصر']],
  given: [['Ahmed', 'أحمد', 'male'], ['Omar', 'عمر', 'male'], ['Khaled', 'خالد', 'male'], ['Mohamed', 'محمد', 'male'], ['Tarek', 'طارق', 'male'],
    ['Fatima', 'فاطمة', 'female'], ['Mariam', 'مريم', 'female'], ['Nour', 'نور', 'female'], ['Salma', 'سلمى', 'female'], ['Layla', 'ليلى', 'female']],
};

const PERSIAN: StudentScriptPool = {
  kind: 'script', familyFirst: false,
  family: [['Ahmadi', 'احمدی'], ['Hosseini', 'حسینی'], ['Karimi', 'کریمی'], ['Rezaei', 'رضایی'], ['Mohammadi', 'محمدی'], ['Rahimi', 'رحیمی']],
  given: [['Reza', 'رضا', 'male'], ['Ali', 'علی', 'male'], ['Mehdi', 'مهدی', 'male'], ['Ahmad', 'احمد', 'male'],
    ['Zahra', 'زهرا', 'female'], ['Maryam', 'مریم', 'female'], ['Fatemeh', 'فاطمه', 'female'], ['Nasrin', 'نسرین', 'female']],
};

const RUSSIAN: StudentScriptPool = {
  kind: 'script', familyFirst: false,
  family: [['Ivanov', 'Иванов'], ['Petrov', 'Петров'], ['Smirnov', 'Смирнов'], ['Kuznetsov', 'Кузнецов'], ['Popov', 'Попов'], ['Volkov', 'Волков']],
  given: [['Dmitry', 'Дмитрий', 'male'], ['Alexei', 'Алексей', 'male'], ['Sergei', 'Сергей', 'male'], ['Ivan', 'Иван', 'male'],
    ['Anna', 'Анна', 'female'], ['Elena', 'Елена', 'female'], ['Olga', 'Ольга', 'female'], ['Natalia', 'Наталья', 'female']],
};

const MONGOLIAN: StudentScriptPool = {
  kind: 'script', familyFirst: false,
  family: [['Bat', 'Бат'], ['Dorj', 'Дорж'], ['Ganbaatar', 'Ганбаатар'], ['Tsend', 'Цэнд'], ['Baatar', 'Баатар'], ['Erdene', 'Эрдэнэ']],
  given: [['Bat-Erdene', 'Бат-Эрдэнэ', 'male'], ['Temuujin', 'Тэмүүжин', 'male'], ['Munkh', 'Мөнх', 'male'], ['Gantulga', 'Гантулга', 'male'],
    ['Oyuun', 'Оюун', 'female'], ['Saraa', 'Сараа', 'female'], ['Enkhjargal', 'Энхжаргал', 'female'], ['Altantsetseg', 'Алтанцэцэг', 'female']],
};

const KAZAKH: StudentScriptPool = {
  kind: 'script', familyFirst: false,
  family: [['Nurlanov', 'Нурланов'], ['Akhmetov', 'Ахметов'], ['Seitkali', 'Сейтқали'], ['Bekov', 'Беков']],
  given: [['Nurlan', 'Нұрлан', 'male'], ['Askar', 'Асқар', 'male'], ['Yerlan', 'Ерлан', 'male'], ['Aigerim', 'Әйгерім', 'female'], ['Dana', 'Дана', 'female'], ['Aliya', 'Әлия', 'female']],
};

const LAO: StudentScriptPool = {
  kind: 'script', familyFirst: false,
  family: [['Phommachanh', 'ພົມມະຈັນ'], ['Sisavath', 'ສີສະຫວາດ'], ['Vongsa', 'ວົງສາ'], ['Keomany', 'ແກ້ວມະນີ']],
  given: [['Somphone', 'ສົມພອນ', 'male'], ['Khamla', 'ຄຳລາ', 'male'], ['Bounmy', 'ບຸນມີ', 'male'], ['Vanida', 'ວານິດາ', 'female'], ['Souksavanh', 'ສຸກສະຫວັນ', 'female'], ['Malay', 'ມາລາຍ', 'female']],
};

const KHMER: StudentScriptPool = {
  kind: 'script', familyFirst: true,
  family: [['Sok', 'សុខ'], ['Chan', 'ចាន់'], ['Kim', 'គីម'], ['Heng', 'ហេង'], ['Ly', 'លី']],
  given: [['Dara', 'តារា', 'male'], ['Sopheak', 'សុភ័ក្រ', 'male'], ['Visal', 'វិសាល', 'male'], ['Sreymom', 'ស្រីមុំ', 'female'], ['Sophea', 'សុភា', 'female'], ['Channary', 'ចន្ទនារី', 'female']],
};

const BURMESE: StudentScriptPool = {
  kind: 'script', familyFirst: false,
  family: [['Aung', 'အောင်'], ['Win', 'ဝင်း'], ['Htun', 'ထွန်း'], ['Oo', 'ဦး']],
  given: [['Kyaw', 'ကျော်', 'male'], ['Min', 'မင်း', 'male'], ['Zaw', 'ဇော်', 'male'], ['Aye', 'အေး', 'female'], ['Thandar', 'သန္တာ', 'female'], ['Myat', 'မြတ်', 'female']],
};

const SINHALA: StudentScriptPool = {
  kind: 'script', familyFirst: false,
  family: [['Perera', 'පෙරේරා'], ['Fernando', 'ප්‍රනාන්දු'], ['Silva', 'සිල්වා'], ['Jayasinghe', 'ජයසිංහ']],
  given: [['Nuwan', 'නුවන්', 'male'], ['Kasun', 'කසුන්', 'male'], ['Chamara', 'චාමර', 'male'], ['Dilani', 'දිලානි', 'female'], ['Sanduni', 'සඳුනි', 'female'], ['Nadeesha', 'නදීෂා', 'female']],
};

const AMHARIC: StudentScriptPool = {
  kind: 'script', familyFirst: false,
  family: [['Tesfaye', 'ተስፋዬ'], ['Bekele', 'በቀለ'], ['Girma', 'ግርማ'], ['Haile', 'ኃይሌ']],
  given: [['Abebe', 'አበበ', 'male'], ['Dawit', 'ዳዊት', 'male'], ['Yonas', 'ዮናስ', 'male'], ['Meron', 'ሜሮን', 'female'], ['Hanna', 'ሃና', 'female'], ['Selam', 'ሰላም', 'female']],
};

const UZBEK: StudentLatinPool = { kind: 'latin', family: ['Karimov', 'Rakhimov', 'Yusupov', 'Tursunov', 'Nazarov'], male: ['Jasur', 'Sardor', 'Bekzod', 'Otabek'], female: ['Dilnoza', 'Madina', 'Nilufar', 'Gulnora'] };
const MALAY: StudentLatinPool = { kind: 'latin', family: ['bin Abdullah', 'bin Ismail', 'binti Ahmad', 'Rahman', 'Hashim', 'Yusof'], male: ['Ahmad Faiz', 'Muhammad Hafiz', 'Amir', 'Syafiq'], female: ['Nur Aisyah', 'Siti Aminah', 'Farah', 'Nurul Huda'] };
const INDONESIAN: StudentLatinPool = { kind: 'latin', family: ['Wijaya', 'Santoso', 'Pratama', 'Saputra', 'Hidayat', 'Kusuma', 'Setiawan', 'Nugroho'], male: ['Budi', 'Agus', 'Rizky', 'Dedi', 'Andi', 'Fajar'], female: ['Dewi', 'Siti', 'Putri', 'Ayu', 'Rina', 'Indah'] };
const FILIPINO: StudentLatinPool = { kind: 'latin', family: ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Garcia', 'Mendoza'], male: ['Jose', 'Mark', 'John Paul', 'Rafael'], female: ['Maria', 'Angelica', 'Kristine', 'Joy'] };
const WEST_AFRICAN: StudentLatinPool = { kind: 'latin', family: ['Okafor', 'Adeyemi', 'Mensah', 'Boateng', 'Okonkwo', 'Adebayo', 'Owusu', 'Eze', 'Nwosu', 'Asante', 'Ogunleye', 'Danjuma'], male: ['Chinedu', 'Emeka', 'Kwame', 'Kofi', 'Oluwaseun', 'Ibrahim', 'Tunde', 'Yaw'], female: ['Ngozi', 'Adaeze', 'Ama', 'Abena', 'Funmilayo', 'Chioma', 'Efua', 'Aisha'] };
const EAST_AFRICAN: StudentLatinPool = { kind: 'latin', family: ['Mwangi', 'Otieno', 'Kamau', 'Njoroge', 'Mutua', 'Wanjiru', 'Mushi', 'Nyerere', 'Mugisha', 'Uwimana', 'Okello', 'Banda'], male: ['Joseph', 'Daniel', 'Emmanuel', 'Baraka', 'Juma', 'Eric', 'Patrick', 'Moses'], female: ['Grace', 'Faith', 'Mercy', 'Neema', 'Esther', 'Aline', 'Joyce', 'Rehema'] };
const SOUTHERN_AFRICAN: StudentLatinPool = { kind: 'latin', family: ['Dlamini', 'Nkosi', 'Moyo', 'Ndlovu', 'Phiri', 'Mutasa', 'Sithole', 'Chikwanha', 'Mabaso', 'Tembo'], male: ['Thabo', 'Sipho', 'Tendai', 'Tatenda', 'Mpho', 'Blessing'], female: ['Nomsa', 'Thandiwe', 'Rudo', 'Chipo', 'Lerato', 'Palesa'] };
const CENTRAL_AFRICAN_FR: StudentLatinPool = { kind: 'latin', family: ['Mbarga', 'Nkoulou', 'Fotso', 'Tchoupo', 'Ngono', 'Essomba'], male: ['Jean-Paul', 'Serge', 'Hervé', 'Franck'], female: ['Clarisse', 'Solange', 'Brigitte', 'Estelle'] };
const MAURITIAN: StudentLatinPool = { kind: 'latin', family: ['Ramdhony', 'Jugnauth', 'Bhujun', 'Lutchmun'], male: ['Vikash', 'Kevin', 'Yash'], female: ['Priya', 'Anisha', 'Kelly'] };
const SPANISH: StudentLatinPool = { kind: 'latin', family: ['García', 'Rodríguez', 'Martínez', 'López', 'González', 'Hernández', 'Pérez', 'Sánchez', 'Ramírez', 'Torres', 'Flores', 'Morales'], male: ['Carlos', 'José', 'Luis', 'Miguel', 'Javier', 'Andrés', 'Diego'], female: ['María', 'Ana', 'Lucía', 'Camila', 'Valentina', 'Sofía', 'Isabel'] };
const PORTUGUESE: StudentLatinPool = { kind: 'latin', family: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Costa', 'Ferreira', 'Almeida'], male: ['João', 'Pedro', 'Lucas', 'Gabriel', 'Rafael'], female: ['Ana', 'Beatriz', 'Mariana', 'Juliana', 'Larissa'] };
const CARIBBEAN: StudentLatinPool = { kind: 'latin', family: ['Campbell', 'Williams', 'Brown', 'Ramsaran', 'Persad', 'Clarke'], male: ['Andre', 'Marlon', 'Kareem', 'Dwayne'], female: ['Shanice', 'Keisha', 'Natalie', 'Tamara'] };
const POLISH: StudentLatinPool = { kind: 'latin', family: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kamiński'], male: ['Piotr', 'Tomasz', 'Paweł', 'Michał'], female: ['Anna', 'Katarzyna', 'Magdalena', 'Agnieszka'] };
const PACIFIC: StudentLatinPool = { kind: 'latin', family: ['Tuilagi', 'Nakamura', 'Waqa', 'Ravuvu', 'Kila', 'Leota'], male: ['Sione', 'Tevita', 'Josaia', 'Peni'], female: ['Losana', 'Mele', 'Salote', 'Ana'] };

/** The pool each student's country uses here (the others come from demo-names-data.ts). */
export const STUDENT_NAME_POOLS: Record<string, StudentNamePool> = {
  VN: VIETNAMESE, TH: THAI, IN: HINDI, NP: NEPALI, BD: BENGALI, PK: URDU, AF: PERSIAN, IR: PERSIAN,
  YE: ARABIC, JO: ARABIC, SD: ARABIC, EG: ARABIC, MA: ARABIC, RU: RUSSIAN, MN: MONGOLIAN, KZ: KAZAKH,
  LA: LAO, KH: KHMER, MM: BURMESE, LK: SINHALA, ET: AMHARIC, UZ: UZBEK, MY: MALAY, ID: INDONESIAN, PH: FILIPINO,
  NG: WEST_AFRICAN, GH: WEST_AFRICAN, KE: EAST_AFRICAN, TZ: EAST_AFRICAN, RW: EAST_AFRICAN, UG: EAST_AFRICAN, MW: SOUTHERN_AFRICAN,
  ZA: SOUTHERN_AFRICAN, ZW: SOUTHERN_AFRICAN, ZM: SOUTHERN_AFRICAN, MZ: SOUTHERN_AFRICAN, BW: SOUTHERN_AFRICAN, CM: CENTRAL_AFRICAN_FR, MU: MAURITIAN,
  MX: SPANISH, AR: SPANISH, CL: SPANISH, PE: SPANISH, CO: SPANISH, EC: SPANISH, ES: SPANISH, BR: PORTUGUESE, PT: PORTUGUESE,
  JM: CARIBBEAN, TT: CARIBBEAN, PL: POLISH, FJ: PACIFIC, PG: PACIFIC, WS: PACIFIC,
};
