/**
 * Philippine locale data (Faker ships no Filipino locale). Given names mix the Spanish-era,
 * American-era and recent K-drama-influenced names common among Filipino fans in their teens
 * and twenties; surnames are the Spanish-origin family names from the 1849 Clavería catalogue
 * that most Filipinos carry, plus a few Chinese-Filipino ones.
 */
export const PH_GIVEN_FEMALE = [
  'Maria', 'Angelica', 'Kristine', 'Jasmine', 'Nicole', 'Camille', 'Patricia', 'Bea', 'Andrea',
  'Mikaela', 'Joanna', 'Princess', 'Janelle', 'Erika', 'Katrina', 'Alyssa', 'Denise', 'Rhea',
  'Hannah', 'Trisha', 'Sofia', 'Isabel', 'Czarina', 'Lovely', 'Mae', 'Joy', 'Grace', 'Clarisse',
  'Aubrey', 'Shaira', 'Althea', 'Keziah', 'Jhoanna', 'Ma. Cristina', 'Rosalie', 'Pauleen',
  'Krizzia', 'Regine', 'Francheska', 'Ysabelle', 'Danica', 'Samantha', 'Jessa', 'Kimberly',
  'Arianne', 'Cyrene', 'Daphne', 'Lyka', 'Maxine', 'Zsa Zsa', 'Charmaine', 'Elaine', 'Jenica',
] as const;

export const PH_GIVEN_MALE = [
  'Juan', 'Jose', 'Mark', 'John Paul', 'Christian', 'Miguel', 'Carlo', 'Paolo', 'Rafael',
  'Joshua', 'Gabriel', 'Angelo', 'Kenneth', 'Jerome', 'Renz', 'Aldrin', 'Jericho', 'Enzo',
  'Francis', 'Vincent', 'Nathaniel', 'Jaypee', 'Kyle', 'Emmanuel', 'Ramon', 'Lorenzo',
  'Marco', 'Adrian', 'Bryan', 'Ivan', 'Jayson', 'Andrei', 'Luis', 'Dominic', 'Aaron',
] as const;

export const PH_SURNAMES = [
  'Santos', 'Reyes', 'Cruz', 'Bautista', 'Ocampo', 'Garcia', 'Mendoza', 'Torres', 'Tomas',
  'Andrada', 'Castillo', 'Flores', 'Villanueva', 'Ramos', 'Castro', 'Rivera', 'Aquino',
  'Navarro', 'Salazar', 'Mercado', 'Dela Cruz', 'De Leon', 'De Guzman', 'Del Rosario',
  'Gonzales', 'Hernandez', 'Lopez', 'Perez', 'Domingo', 'Pascual', 'Soriano', 'Valdez',
  'Aguilar', 'Dizon', 'Manalo', 'Santiago', 'Fernandez', 'Gutierrez', 'Marquez', 'Morales',
  'Villareal', 'Sarmiento', 'Concepcion', 'Enriquez', 'Magbanua', 'Macaraeg', 'Lacson',
  'Evangelista', 'Estrada', 'Jimenez', 'Panganiban', 'Samonte', 'Tolentino', 'Velasco',
  'Yap', 'Tan', 'Sy', 'Co', 'Lim', 'Go', 'Ong', 'Chua', 'Uy',
] as const;

/** Cities by rough share of the fan base (Metro Manila dominates). */
export const PH_CITIES: readonly (readonly [string, number])[] = [
  ['Quezon City', 16], ['Manila', 12], ['Caloocan', 5], ['Pasig', 5], ['Makati', 5], ['Taguig', 5],
  ['Mandaluyong', 3], ['Parañaque', 3], ['Las Piñas', 3], ['Marikina', 3], ['Cebu City', 7],
  ['Davao City', 6], ['Antipolo', 3], ['Bacoor', 3], ['Cagayan de Oro', 3], ['Iloilo City', 3],
  ['Baguio', 2], ['Bacolod', 2], ['Angeles', 2], ['Zamboanga City', 2], ['General Santos', 1],
  ['Dasmariñas', 2], ['Santa Rosa', 2], ['Lipa', 1], ['Naga', 1],
];

/**
 * Mobile prefixes (the 3 digits after +63): Globe/TM, Smart/TNT, DITO. Stored E.164
 * `+639XXXXXXXXX`; people write them `+63 9XX XXX XXXX` or `09XX XXX XXXX`.
 */
export const PH_MOBILE_PREFIXES = [
  '905', '906', '915', '916', '917', '926', '927', '935', '936', '945', '953', '954', '955', '956',
  '965', '966', '967', '975', '976', '977', '995', '996', '997', '908', '909', '910', '912', '918',
  '919', '920', '921', '928', '929', '930', '938', '939', '946', '947', '948', '949', '950', '951',
  '961', '963', '968', '969', '970', '981', '989', '998', '999', '991', '992', '993', '994',
] as const;

/** Public IPv4 /16 blocks of PLDT, Globe, Smart, Converge and DITO (first two octets). */
export const PH_IP_BLOCKS = [
  '112.198', '112.200', '112.204', '112.206', '112.208', '112.210', '119.92', '119.93', '119.94',
  '119.95', '120.28', '120.29', '122.2', '122.3', '124.104', '124.105', '124.106', '124.107',
  '136.158', '49.144', '49.145', '49.146', '49.147', '49.148', '49.149', '49.150', '49.151',
  '110.54', '110.55', '175.176', '175.158', '180.190', '180.191', '180.194', '180.195', '131.226',
  '143.44', '222.127', '203.177', '58.69', '202.90', '103.5', '110.93', '49.157',
] as const;

export const PH_TIMEZONE = 'Asia/Manila';
