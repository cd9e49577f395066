/**
 * Real K-pop (and a few P-pop) acts and releases PH/MY group-order managers run GOs for.
 * `weight` is the rough share of drops: the big fandoms (SEVENTEEN, Stray Kids, ENHYPEN…)
 * carry most group orders; P-pop acts appear mainly on PH GOMs.
 */
export interface Act {
  readonly name: string;
  /** Albums/EPs as fans write them, already in quotes style-free form. */
  readonly releases: readonly string[];
  /** Official light stick name, if fans call it something. */
  readonly lightstick: string;
  readonly weight: number;
  /** Only PH GOMs run these (P-pop). */
  readonly phOnly?: boolean;
}

export const ACTS: readonly Act[] = [
  { name: 'SEVENTEEN', releases: ['SPILL THE FEELS', 'SEVENTEENTH HEAVEN', 'FML', 'HAPPY BURSTDAY', 'SECTOR 17'], lightstick: 'Carat Bong Ver. 3', weight: 14 },
  { name: 'Stray Kids', releases: ['ATE', 'ROCK-STAR', 'HOP', 'KARMA', '★★★★★ (5-STAR)'], lightstick: 'Nachimbong Ver. 2', weight: 12 },
  { name: 'ENHYPEN', releases: ['ROMANCE : UNTOLD', 'ORANGE BLOOD', 'DESIRE : UNLEASH', 'DARK BLOOD'], lightstick: 'Engene Bong Ver. 2', weight: 9 },
  { name: 'BTS', releases: ['Proof', 'BE', 'MAP OF THE SOUL : 7', 'BUTTER'], lightstick: 'ARMY Bomb Special Edition', weight: 9 },
  { name: 'TWICE', releases: ['STRATEGY', 'With YOU-th', 'READY TO BE', 'THIS IS FOR'], lightstick: 'Candybong ∞', weight: 7 },
  { name: 'TXT', releases: ['The Star Chapter: SANCTUARY', 'minisode 3: TOMORROW', 'The Name Chapter: TEMPTATION'], lightstick: 'Moabong Ver. 2', weight: 6 },
  { name: 'ATEEZ', releases: ['GOLDEN HOUR : Part.2', 'GOLDEN HOUR : Part.1', 'THE WORLD EP.FIN : WILL'], lightstick: 'Lightiny Ver. 2', weight: 6 },
  { name: 'NCT DREAM', releases: ['DREAM( )SCAPE', 'ISTJ', 'Glitch Mode', 'Candy'], lightstick: 'NCT Official Fanlight', weight: 5 },
  { name: 'BLACKPINK', releases: ['BORN PINK', 'THE ALBUM', 'DEADLINE'], lightstick: 'Official Light Stick Ver. 2', weight: 6 },
  { name: 'aespa', releases: ['Whiplash', 'Armageddon', 'Drama', 'Rich Man'], lightstick: 'Official Fanlight', weight: 5 },
  { name: 'LE SSERAFIM', releases: ['HOT', 'CRAZY', 'EASY', 'UNFORGIVEN'], lightstick: 'Official Light Stick', weight: 4 },
  { name: 'IVE', releases: ['IVE SWITCH', 'IVE EMPATHY', "I've IVE", 'IVE SECRET'], lightstick: 'Official Light Stick', weight: 4 },
  { name: 'NewJeans', releases: ['How Sweet', 'Get Up', 'OMG'], lightstick: 'Binky Bong', weight: 4 },
  { name: 'ZEROBASEONE', releases: ['CINEMA PARADISE', 'BLUE PARADISE', 'You had me at HELLO'], lightstick: 'Official Light Stick', weight: 4 },
  { name: 'RIIZE', releases: ['ODYSSEY', 'RIIZING'], lightstick: 'Official Fanlight', weight: 3 },
  { name: 'BOYNEXTDOOR', releases: ['19.99', 'HOW?', 'No Genre'], lightstick: 'Official Light Stick', weight: 3 },
  { name: 'TREASURE', releases: ['REBOOT', 'THE SECOND STEP : CHAPTER TWO', 'PLEASURE'], lightstick: 'Official Light Stick', weight: 3 },
  { name: 'NCT 127', releases: ['WALK', 'Fact Check', 'Ay-Yo'], lightstick: 'NCT Official Fanlight', weight: 3 },
  { name: '(G)I-DLE', releases: ['2', 'I SWAY', 'We are'], lightstick: 'Neverland Bong', weight: 2 },
  { name: 'ILLIT', releases: ['SUPER REAL ME', "I'LL LIKE YOU", 'bomb'], lightstick: 'Official Light Stick', weight: 2 },
  { name: 'BABYMONSTER', releases: ['DRIP', 'BABYMONS7ER'], lightstick: 'Official Light Stick', weight: 2 },
  { name: 'TWS', releases: ['Sparkling Blue', 'SUMMER BEAT!', 'TRY WITH US'], lightstick: 'Official Light Stick', weight: 2 },
  { name: 'Red Velvet', releases: ['Cosmic', 'Chill Kill', 'The ReVe Festival 2022'], lightstick: 'Official Fanlight', weight: 2 },
  { name: 'ITZY', releases: ['GOLD', 'BORN TO BE', 'CHESHIRE'], lightstick: 'Official Light Ring', weight: 2 },
  { name: 'KISS OF LIFE', releases: ['Lose Yourself', 'Midas Touch'], lightstick: 'Official Light Stick', weight: 1 },
  { name: 'SB19', releases: ['PAGTATAG!', 'Simula at Wakas', 'DUNK'], lightstick: 'A\'TIN Official Lightstick', weight: 3, phOnly: true },
  { name: 'BINI', releases: ['Talaarawan', 'Born to Win', 'Feel Good'], lightstick: 'BINI Official Lightstick', weight: 3, phOnly: true },
];
