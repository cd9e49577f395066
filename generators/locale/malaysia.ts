/**
 * Malaysian locale data (Faker ships no Malay locale). Three naming traditions live side by
 * side: Malay names with a patronymic (`Nur Aisyah binti Ahmad`), Chinese-Malaysian names with
 * the family name first (`Tan Wei Ling`, often with an English name: `Jasmine Tan Wei Ling`),
 * and Indian-Malaysian names with the father's name after `a/p` or `a/l`.
 */
export const MY_MALAY_GIVEN_FEMALE = [
  'Nur Aisyah', 'Nurul Izzah', 'Siti Nurhaliza', 'Nur Amira', 'Aina', 'Balqis', 'Nur Syafiqah',
  'Aqilah', 'Farah', 'Hani', 'Syahirah', 'Nabila', 'Alya', 'Damia', 'Iman', 'Qistina', 'Sofea',
  'Nurin', 'Batrisyia', 'Athirah', 'Izzati', 'Liyana', 'Hidayah', 'Husna', 'Irdina', 'Maisarah',
] as const;

export const MY_MALAY_GIVEN_MALE = [
  'Muhammad Amirul', 'Ahmad Faiz', 'Muhammad Haziq', 'Aiman', 'Danial', 'Hakim', 'Irfan',
  'Muhammad Syafiq', 'Amir', 'Harith', 'Luqman', 'Zulhilmi', 'Adam', 'Afiq', 'Firdaus', 'Izzat',
] as const;

/** Fathers' names for `binti`/`bin` patronymics. */
export const MY_MALAY_FATHERS = [
  'Ahmad', 'Abdullah', 'Ismail', 'Ibrahim', 'Hassan', 'Razak', 'Rahman', 'Yusof', 'Osman',
  'Kamarudin', 'Zainal', 'Salleh', 'Mohd Noor', 'Rosli', 'Hamzah', 'Aziz', 'Mustafa', 'Jamil',
  'Hashim', 'Sulaiman', 'Azman', 'Roslan', 'Shamsudin', 'Mahmud',
] as const;

export const MY_CHINESE_SURNAMES = [
  'Tan', 'Lim', 'Lee', 'Ng', 'Wong', 'Chan', 'Ong', 'Teh', 'Goh', 'Chong', 'Yap', 'Khoo', 'Low',
  'Chin', 'Loh', 'Liew', 'Foo', 'Cheah', 'Ooi', 'Yeoh', 'Soo', 'Leong', 'Koh', 'Chew', 'Heng',
] as const;

export const MY_CHINESE_GIVEN = [
  'Wei Ling', 'Jia Hui', 'Xin Yi', 'Hui Min', 'Mei Ling', 'Pei Shan', 'Yi Xuan', 'Jing Wen',
  'Siew Mei', 'Kai Xin', 'Zi Ying', 'Li Ting', 'Wei Jie', 'Jun Hao', 'Zhi Hao', 'Kah Wai',
  'Chee Keong', 'Yong Sheng', 'Boon Hock', 'Jia Le', 'Shu Fen', 'Hui Wen',
] as const;

/** English names Chinese-Malaysians often put first. */
export const MY_ENGLISH_GIVEN = [
  'Jasmine', 'Vivian', 'Rachel', 'Cheryl', 'Joanne', 'Michelle', 'Evelyn', 'Crystal', 'Jessie',
  'Kelly', 'Sharon', 'Elaine', 'Jason', 'Kelvin', 'Marcus', 'Ryan',
] as const;

export const MY_INDIAN_GIVEN_FEMALE = [
  'Kavitha', 'Priya', 'Shalini', 'Thivya', 'Kavya', 'Nithya', 'Deepa', 'Revathi', 'Yamini',
  'Sharmila', 'Anusha', 'Pavithra', 'Keerthana', 'Dharshini',
] as const;

export const MY_INDIAN_GIVEN_MALE = ['Arjun', 'Ganesh', 'Kumar', 'Rajesh', 'Vignesh', 'Suresh', 'Thinesh', 'Pravin'] as const;

export const MY_INDIAN_FATHERS = [
  'Subramaniam', 'Muniandy', 'Krishnan', 'Ramasamy', 'Raj', 'Gopal', 'Arumugam', 'Rajendran',
  'Selvaraj', 'Balakrishnan', 'Nair', 'Pillai', 'Maniam', 'Chandran',
] as const;

/** Cities by rough share of the fan base (the Klang Valley dominates). */
export const MY_CITIES: readonly (readonly [string, number])[] = [
  ['Kuala Lumpur', 18], ['Petaling Jaya', 8], ['Shah Alam', 7], ['Subang Jaya', 6], ['Johor Bahru', 9],
  ['George Town', 6], ['Ipoh', 5], ['Seremban', 4], ['Kota Kinabalu', 4], ['Kuching', 4], ['Melaka', 4],
  ['Kajang', 4], ['Klang', 4], ['Cyberjaya', 2], ['Putrajaya', 2], ['Alor Setar', 2], ['Kuantan', 2],
  ['Kota Bharu', 2], ['Bukit Mertajam', 2],
];

/**
 * Mobile prefixes after +60: 010–019 with 7 subscriber digits (`+601X XXX XXXX`, 9 digits
 * after +60), and 011 with 8 (`+6011 XXXX XXXX`, 10 digits). Stored E.164.
 */
export const MY_MOBILE_PREFIXES_7 = ['10', '12', '13', '14', '16', '17', '18', '19'] as const;
export const MY_MOBILE_PREFIXES_8 = ['11'] as const;

/** Public IPv4 /16 blocks of TM/Unifi, Maxis, Celcom, Digi, U Mobile and TIME (first two octets). */
export const MY_IP_BLOCKS = [
  '175.136', '175.137', '175.138', '175.139', '175.140', '175.141', '175.142', '175.143',
  '175.144', '175.145', '60.48', '60.49', '60.50', '60.51', '60.52', '60.53', '60.54',
  '113.210', '113.211', '115.164', '115.132', '115.133', '115.134', '115.135', '42.188',
  '42.189', '42.190', '42.191', '202.186', '202.188', '219.92', '219.93', '118.100', '118.101',
  '210.186', '211.24', '183.171', '27.125', '1.32', '1.9', '14.192',
] as const;

export const MY_TIMEZONE = 'Asia/Kuala_Lumpur';
