import { describe, expect, it } from 'vitest';
import { isAppNotFoundError } from '../../src/errors/AppNotFoundError.js';
import { isParseError } from '../../src/errors/ParseError.js';
import { isThrottledError } from '../../src/errors/ThrottledError.js';
import { isUnsupportedFormatError } from '../../src/errors/UnsupportedFormatError.js';
import type { AppDetails } from '../../src/models/AppDetails.js';
import type { ParseDiagnostic } from '../../src/models/ParseResult.js';
import { parseAppDetails } from '../../src/parsers/app.js';
import { loadFixture } from '../helpers/fixtures.js';

const detailsUrl = (appId: string, query = 'hl=en&gl=us'): string =>
  `https://play.google.com/store/apps/details?id=${appId}&${query}`;

const missing = (field: string, path: string): ParseDiagnostic => ({ field: `AppDetails.${field}`, path, reason: 'missing' });


/** Runs the parser on a captured page and catches the error it throws, if any. */
function parseError(html: string, appId: string): unknown {
  try {
    parseAppDetails(html, { appId, url: detailsUrl(appId) });
  } catch (error) {
    return error;
  }
  return undefined;
}

/** The text of an element with `marker` in its start tag, up to the next `</div>` (fine for the flat divs used here). */
function divText(html: string, marker: string): string {
  const at = html.indexOf(marker);
  const start = html.indexOf('>', at) + 1;
  return html.slice(start, html.indexOf('</div>', start));
}

/** The page's schema.org JSON-LD, which Google renders from the same data, for cross-checks. */
function jsonLd(html: string): Record<string, unknown> {
  const at = html.indexOf('application/ld+json');
  const start = html.indexOf('>', at) + 1;
  return JSON.parse(html.slice(start, html.indexOf('</script>', start))) as Record<string, unknown>;
}

/** Independent conversion for these descriptions, which use only `<br>` and three entities. */
function simpleText(html: string): string {
  return html.replaceAll('<br>', '\n').replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

interface LongFields {
  readonly descriptionLength: number;
  readonly descriptionStart: string;
  readonly descriptionEnd: string;
  readonly commentCount: number;
  readonly firstComment: string;
  readonly lastComment: string;
}

interface PageCase {
  readonly name: string;
  readonly fixture: string;
  readonly appId: string;
  readonly url: string;
  /** Every field except description, descriptionHTML and comments, which are checked through `long`. */
  readonly expected: Omit<AppDetails, 'description' | 'descriptionHTML' | 'comments'>;
  readonly long: LongFields;
  readonly diagnostics: readonly ParseDiagnostic[];
  /** The 2026 pages render the description HTML verbatim into `data-g-id="description"`. */
  readonly renderedDescription: boolean;
}

const MINECRAFT_SHOTS = [
  'https://play-lh.googleusercontent.com/ywPBuExmYGLE6oL7QENmI7wOxMPOU-XatzosE6M4bgXudBsMQWcKp1QHhHrJM1QeTadoVo7lnpO5O12WyzlYQA',
  'https://play-lh.googleusercontent.com/BURZszeq4bCuHl-KY-oAALOssOcj_jJmZOrbA21zSQEwtg92fv02Us8pU94cvggw08gBTMKC2bVSVm6opWhl7A',
  'https://play-lh.googleusercontent.com/_7QkSZSzxD9C_YoFB8kMwW8JYVaLyq5_DYnuG91qf726BE3Gnpq9zlSAZdR2CA3yxgjkjZ4jMzpWXmtQwD3ae2A',
  'https://play-lh.googleusercontent.com/ysWd5xeUbLSe3XRWuxKbYozNrzDR7Ll_X23hTNROhKT_TIBPloU8h5afdzsT4ytdmogz9gZ-2yFyc7xq96iw',
  'https://play-lh.googleusercontent.com/M2eTm88EDoUMTBfXFPkOKynJhL2DZR6LiP-E4IaCfmYoSIaKQRQPQjxngp4sfyArJUiQxRij2Oo5NPB7fOWF',
  'https://play-lh.googleusercontent.com/9e8DydR_MblwDtWRArF5wXu1JII8dRFMziz_7c1glKNfKHpjM-GRVuVcUCCpZtef2uaYj0PTw4thpwhcL-QuCw',
  'https://play-lh.googleusercontent.com/aYFiYY8DULrlSV8tFlfKI9rSVDLeFvYStV7JTmAVwuQZ-cum1aDq4rPdeeUDk6SZC9jLRCyOlKFtcAsBzlwB',
  'https://play-lh.googleusercontent.com/Gm3yiL12FdUqfnBQrObZlEHMa8Ql70Nvx5Uy6bSanHVRY8e-aQCUO0ynwcv_gjZn_KbqlvJnwyokt7zv-MM4',
];

const TRANSLATE_SHOTS = [
  'https://play-lh.googleusercontent.com/wwBhXCVJ7jHw6RncGBRmSqZ4Y8xQsD_UW3Mw6gOWqiAZcnJDDyF51RET0GhjkIefPk1faCHlQYNlq_3q0dLx',
  'https://play-lh.googleusercontent.com/dR34lec2F2nwngrI9uNG9RXc1rLNZZXVQGFw5EDwfV3aCBWyCN97zAEz7SOD7vEWcafYp8nJ5ALH05dePc6vog',
  'https://play-lh.googleusercontent.com/VwkJ6pNPdpibTLDaHRh7rESY5GvfE9n5UdcZI1EcmpftLdY-bzPEneOrByHeaI2p3FGxZWWL5MJU1aJD8_hPiw',
  'https://play-lh.googleusercontent.com/cmnqUpopo_vEdMdaU8TwRT1j7p593P2kD-L0snQSgHQGMgS6vOr0S9oJIaVqqwXDS7MNeEhWLUuTECpHOdLraQ',
  'https://play-lh.googleusercontent.com/1H3UW-gIzwPJLnn_kJfAUm02mmRipqxqk0hwv0fqPr4ZpHEbHwAY9t0PKr2hxZAbOnj9Q5_CpRDvqI51sQmivA',
  'https://play-lh.googleusercontent.com/E4Xf_27pFRm-EMX0SL3eXn_HBQ8QHxQaU2quGRPcXxF05-ia49mH1iJ94Nhnco4IqgXBEHmsGD1ws-4pfgxEpA',
  'https://play-lh.googleusercontent.com/QMes7C64kwqoI-qvwj-2-IK-RgszkcAKyRaVMyL5twyrfKPzRdvVM-KJfI7WnlldZaJUcHvHNXviAasm4raBSw',
  'https://play-lh.googleusercontent.com/EeWbFXqU3ObfeebX3rRZC2TuWaNR3fyFi2NV-u6Y4OlqreiDMlzgOHLbjEhiGlShBOD8_UAQS6rAZKhVeTX2',
  'https://play-lh.googleusercontent.com/X3yhbDUK04AIXrCVKU1S9PyVLr1yCkmT44FBKCKLbmqEqbtzwWLltLgk6mbV5go0bss8zRTnsKIFJ5ri_juEtQ',
  'https://play-lh.googleusercontent.com/sFU0ZOkAXs1ICIEg6lru-IFL_1TTtJULvLjFFG4j4dUXRlR08iwSI3e23LkGZiLIg_BjaS5z7rKxFDWrNBmdyQ',
  'https://play-lh.googleusercontent.com/FLx4z5pDnj9paqcP7SHH4wnLqH-_53EtOjvD0j2N-wdChovQr1qGNXmP1ClBmwSobg2aFkbViLAjosz3k3_UJEg',
  'https://play-lh.googleusercontent.com/3v6QrBkFlcv34IXWpKkxvxn3DAZw-qkjs5Ukn7hgg8q6b-JZxJYvxxvaMWtv6mVfQWqG4X-HT2vs96MACpsHOQ',
  'https://play-lh.googleusercontent.com/aiLa_lmFfFuFrtGattZWeDndqWnKwgJWCYwjQGKxRaBqON_zRkHd8dr0ROV7r0sbxXGQHKXdL56zbWJloWTasw',
  'https://play-lh.googleusercontent.com/fqSS5accigD_UfBy-DTUoWOG1xzk6vsrmTY9E5MophhIm6CgKOhgZmYwPxB1S-zcHM_tpM1UubPHukuHOXbz',
  'https://play-lh.googleusercontent.com/1le-NAesi7sG8GeFVZeWYMfw-EtSPI99foG2GkQLyToQpTGhVtRTKlunqlyaedKHrV7jYEkrY5B69LdCowOVQ1E',
  'https://play-lh.googleusercontent.com/8YJFr179xd0xpgy99jngjtwpeCc27k6XFRUrqJzJSylb6XCGNh2btkCCqXu_ICoH2lOMCZxqKTX49uhAqYH-u7w',
  'https://play-lh.googleusercontent.com/0EHB8qqsVt3BsoDLiysnpwxYOleKiq3Pr1XQvdwmTy6mreRbV52RIKHn5QDtV_h-nIqeadJSWpjhED0a_AfaUQ',
  'https://play-lh.googleusercontent.com/oam2xvftl58eF9eHH6mPP1jPw9UIPVLolf2UgZ4S_d8CEqOBdyOngRQ3e6us_g5aLVtj8u68fc6Qja4ZfZP3',
];

/** WhereAmI serves its 8 screenshots three times over (24 entries); kept as served. */
const WHERE_AM_I_SHOTS_ONCE = [
  'https://play-lh.googleusercontent.com/y7UJRciBj5r7PULzCQOuy9uGQ56iEZjDzkPSN5l_obAkiqo4SHFN39yI7tabQJVsrefd7VwgNR92mmjOWYBdaQ',
  'https://play-lh.googleusercontent.com/boWIBHVaqkZErPDHR26uEmcSZ9tn3vyQ82RHu1PKy9MfKMv5QTkIC9Nic9nnE8eGAioFdtpEE8DEuFBaBUWrOg',
  'https://play-lh.googleusercontent.com/1Nb1jI0w-fIpHuG_5JkZcd3nPvjBkjg6IYA83Ga4C7P83m9wDPoaD6q7B5vvOIzBSzDB-1t_eiJjWP2Y9YDu',
  'https://play-lh.googleusercontent.com/dIYevavgfafVCCRsRWH1zOXlY8-3mhvAPvYnDDSHqxIFUlM3UkQhEmMlXqBMdFiKi1TIk6dGICizFzK0t-kXog',
  'https://play-lh.googleusercontent.com/gcv3ArrOaYStFNKrWtwrLxl0t0PStC86KI8ZfLb_o2g3lIQwXV7bigiWs_QrcJ-IaNEIzRrdP9ZmltlViTQ0BQ',
  'https://play-lh.googleusercontent.com/BDTmcpy6f09dCsVDS46nIwjqi1aSGQbxCyj_VtYCzh5YdnpfODmsRqUl77VOW5W84XIuj9joZCZ8tN1YBoGQ',
  'https://play-lh.googleusercontent.com/qtwlzuyXezUi-fplMTv7Htt1tjVnpSOP6ppIuJ6wu2YqNm8259kTjdjMnhWyWM7x-iL82KqZ3f1AxcrUXupEkA',
  'https://play-lh.googleusercontent.com/eeA_JX4thSofFReQpNO9vpDBbFm_521I9Yh_ydKZGqEvxEeLhlLjRIh22da61OhMrHNOtZyPWl56sKk36-C1',
];

const TREASURY_SHOTS = [
  'https://play-lh.googleusercontent.com/RypZVWp6g6VEm1xIA87xhj78_81kTdvvMJZmJIjuQCHmjunCJ_eX4SQu8Tl3L_AS4w',
  'https://play-lh.googleusercontent.com/NB5dAVvhAXN38eMOhKjMm5ipJk8KnZcrn9Us3OI_P4UTKp42r5Ygu6qhzY1id8L9SFAp',
  'https://play-lh.googleusercontent.com/hzTeL9o3yoP0go4sU-zDKEbNLPYZZoaxSBlsmW8YXaAmHXmZB3GAi47krEkNcp5yQLSh',
  'https://play-lh.googleusercontent.com/LrEj9rrDEjbfYEB70rhUE3ZJFpvI6EQQ0B_w7G-_mgNl3eEOTJQPMIqgooQ_Ex8Uy5Q',
  'https://play-lh.googleusercontent.com/Zr11urNki0NPAgu19U_e6KuxylhXyD8JoZgAlWxcY8nhvNQJmR6m69B2jrRQ5lBYL3g',
  'https://play-lh.googleusercontent.com/-aRPiJCtFXjT5X14S0DOee7vraP0Sna17ifarFMmWg6defvmEPjysSubtRf7S9hvAT3e',
];

const minecraftId = 'com.mojang.minecraftpe';
const translateId = 'com.google.android.apps.translate';
const whereAmIId = 'com.adex77.WhereAmI';
const treasuryId = 'com.moonwink.treasury';

const PAGES: readonly PageCase[] = [
  {
    name: 'Minecraft (paid 6.99 USD, IAP, Everyone 10+)',
    fixture: 'details/com.mojang.minecraftpe.en-us.html',
    appId: minecraftId,
    url: detailsUrl(minecraftId),
    renderedDescription: true,
    expected: {
      appId: minecraftId,
      url: detailsUrl(minecraftId),
      title: 'Minecraft: Dream it, Build it!',
      summary: 'Millions of crafters have smashed billions of blocks! Now you can join the fun!',
      installs: '50,000,000+',
      minInstalls: 50_000_000,
      maxInstalls: 91_130_079,
      score: 4.315863,
      scoreText: '4.3',
      ratings: 5_715_302,
      reviews: 633_450,
      histogram: { 1: 594_092, 2: 170_943, 3: 264_728, 4: 491_363, 5: 4_194_160 },
      price: 6.99,
      free: false,
      currency: 'USD',
      priceText: '$6.99',
      available: true,
      preregister: false,
      earlyAccessEnabled: false,
      offersIAP: true,
      IAPRange: '$0.99 - $49.99 per item',
      isAvailableInPlayPass: false,
      adSupported: false,
      androidVersion: '8.0',
      androidVersionText: '8.0',
      released: 1_313_475_441_825,
      releasedText: 'Aug 15, 2011',
      updated: 1_782_338_684_594,
      updatedText: 'Jun 25, 2026',
      version: '1.26.32.2',
      recentChanges: 'What&#39;s new in 26.32: Various bug fixes!',
      recentChangesText: "What's new in 26.32: Various bug fixes!",
      developer: 'Mojang',
      developerId: '4772240228547998649',
      developerInternalId: '4772240228547998649',
      developerEmail: 'help@minecraft.net',
      developerWebsite: 'http://help.mojang.com',
      developerLegalName: 'Microsoft Corporation',
      developerLegalEmail: 'contactmojang@minecraft.net',
      developerLegalAddress: '1 Microsoft Way\nRedmond, WA 98052\nUnited States',
      developerLegalPhoneNumber: '+1 800-642-7676',
      privacyPolicy: 'http://go.microsoft.com/fwlink/?LinkId=521839',
      genre: 'Arcade',
      genreId: 'GAME_ARCADE',
      categories: [
        { name: 'Simulation', id: 'GAME_SIMULATION' },
        { name: 'Sandbox' },
        { name: 'Casual', id: 'GAME_CASUAL' },
        { name: 'Multiplayer' },
        { name: 'Cooperative multiplayer' },
        { name: 'Single player' },
        { name: 'Stylized' },
        { name: 'Pixelated' },
        { name: 'Peaceful' },
        { name: 'Construct' },
        { name: 'Offline' },
      ],
      icon: 'https://play-lh.googleusercontent.com/tI4StRSPVhpGJH5R013naszLUawOjao1ya8FvyaNO7XY_cJFHFqo1EFaEJv_7zz3rRJ5lEpLiw14ZqQLCOYc',
      headerImage: 'https://play-lh.googleusercontent.com/S_Z7YSNVWWd3BNh3AwV0iVv0hNqJ8zvn-HwLTlYqVLU4uxSohpwKpIa-EmwwwoxOlSw8voqu5CsxQGbojanT',
      screenshots: MINECRAFT_SHOTS,
      video: 'https://play.google.com/video/lava/web/player/yt:movie:BLtLrFNRE-E?autoplay=1&embed=play',
      videoImage: 'https://play-lh.googleusercontent.com/S_Z7YSNVWWd3BNh3AwV0iVv0hNqJ8zvn-HwLTlYqVLU4uxSohpwKpIa-EmwwwoxOlSw8voqu5CsxQGbojanT',
      previewVideo: 'https://play-games.googleusercontent.com/vp/mp4/1280x720/BLtLrFNRE-E.mp4',
      contentRating: 'Everyone 10+',
      contentRatingDescription: 'Fantasy Violence',
    },
    long: {
      descriptionLength: 3704,
      descriptionStart: 'Dive into an open world of building, crafting, and survival in the ultimate sandbox adventure.',
      descriptionEnd: '*Realms &amp; Realms Plus: Try a free 30-day trial in-app.',
      commentCount: 20,
      firstComment:
        "As this is Minecraft after all, it's pretty self explanatory and there's nothing I need to say about it. I do have a complaint with this version though, being that the world continues to run even when the game is not currently open. Countless times I've exited the app to do something else shortly, then come back to a death screen and not be able to recollect my items because they've despawned.",
      lastComment:
        'I was talked into getting Minecraft 5 years ago, and I absolutely love this game. The replay value, with the random world generation, is just on another level, and the survival aspect heightens the experience. Exploring, surviving, gathering resources to build and craft tools, equipment, and other resources, and the automation by manipulating power sources, signals, sensors, actions, and just about every Minecraft mechanic into your favor to perform functions in your world. 100% recommended!',
    },
    diagnostics: [],
  },
  {
    name: 'Google Translate (free, Google LLC, varies with device)',
    fixture: 'details/com.google.android.apps.translate.en-us.html',
    appId: translateId,
    url: detailsUrl(translateId),
    renderedDescription: true,
    expected: {
      appId: translateId,
      url: detailsUrl(translateId),
      title: 'Google Translate',
      summary: 'The world is closer than ever with over 100 languages',
      installs: '1,000,000,000+',
      minInstalls: 1_000_000_000,
      maxInstalls: 1_619_908_402,
      score: 4.26508,
      scoreText: '4.3',
      ratings: 9_039_805,
      reviews: 187_840,
      histogram: { 1: 971_173, 2: 306_894, 3: 479_693, 4: 878_696, 5: 6_403_317 },
      price: 0,
      free: true,
      currency: 'USD',
      priceText: 'Free',
      available: true,
      preregister: false,
      earlyAccessEnabled: false,
      offersIAP: false,
      isAvailableInPlayPass: false,
      adSupported: false,
      androidVersion: 'VARY',
      androidVersionText: 'Varies with device',
      updated: 1_783_355_190_338,
      updatedText: 'Jul 6, 2026',
      version: 'VARY',
      recentChanges: 'Bug fixes and improvements',
      recentChangesText: 'Bug fixes and improvements',
      developer: 'Google LLC',
      developerId: '5700313618786177705',
      developerInternalId: '5700313618786177705',
      developerEmail: 'translate-mobile-support@google.com',
      developerWebsite: 'http://support.google.com/translate',
      developerLegalName: 'Google LLC',
      developerLegalEmail: 'support@google.com',
      developerLegalAddress: '1600 Amphitheatre Pkwy\nMountain View, CA 94043\nUnited States',
      developerLegalPhoneNumber: '+1 650-253-0000',
      privacyPolicy: 'http://www.google.com/policies/privacy/',
      genre: 'Tools',
      genreId: 'TOOLS',
      categories: [{ name: 'Tools', id: 'TOOLS' }],
      icon: 'https://play-lh.googleusercontent.com/muIZuJn9awFB9XWa4g0aiqFxHbgAFVVfHVQrEmos46v29NfyZX5z1n1ZYBjH3Zvg80Dm90TI2ZdQZMr2cLMcCg',
      headerImage: 'https://play-lh.googleusercontent.com/Ul2hg7xPV0KDvIBEiBJaBaSTarvc4yc2kI7U7nGMTNAP_EwuOzmpJQsyU_WEyFthnSOUoHVCr2oGnQaHNqd1zw',
      screenshots: TRANSLATE_SHOTS,
      contentRating: 'Everyone',
    },
    long: {
      descriptionLength: 2579,
      descriptionStart: '• Text translation: Translate between 108 languages by typing<br>• Tap to Translate:',
      descriptionEnd: '*Note: The app may be used even if optional permissions are not granted.',
      commentCount: 20,
      firstComment:
        'Translate is a phenomenal tool for traveling abroad. Between voice translation, camera translation and just basic typing translation, it made my trip to Japan worlds easier. The one thing I would change about it (and the reason I only gave it 4 stars) is, when it gives definitions for words, it should give them in the language that you\'re trying to translate *to*, not *from*. Defining words from a language I am not fluent in, in that same language, is not useful.',
      lastComment:
        "I used this app for years. Recently, it stopped working. I downloaded the needed language before a trip last week. It told me it was downloaded. When I tried using it offline, it told me I had to download the language. It was super frustrating because i didn't have service or access to wifi. I have tried fixing it several times, and no matter what I do, it will not translate offline. It has gone from auseful app to a pointless one. The Help sends you to a forum where everyone has the same issue.",
    },
    diagnostics: [
      ],
  },
  {
    name: 'WhereAmI (free, contains ads, IAP)',
    fixture: 'details/com.adex77.WhereAmI.en-us.html',
    appId: whereAmIId,
    url: detailsUrl(whereAmIId),
    renderedDescription: true,
    expected: {
      appId: whereAmIId,
      url: detailsUrl(whereAmIId),
      title: 'Where Am I? - GeoGuess Game',
      summary: 'Watch immersive street walk videos and put your geography skills to the test.',
      installs: '10,000+',
      minInstalls: 10_000,
      maxInstalls: 41_942,
      score: 4.16,
      scoreText: '4.2',
      ratings: 336,
      reviews: 14,
      histogram: { 1: 40, 2: 13, 3: 26, 4: 26, 5: 228 },
      price: 0,
      free: true,
      currency: 'USD',
      priceText: 'Free',
      available: true,
      preregister: false,
      earlyAccessEnabled: false,
      offersIAP: true,
      IAPRange: '$1.49 per item',
      isAvailableInPlayPass: false,
      adSupported: true,
      androidVersion: '7.0',
      androidVersionText: '7.0',
      released: 1_609_634_515_141,
      releasedText: 'Jan 2, 2021',
      updated: 1_782_385_437_143,
      updatedText: 'Jun 25, 2026',
      version: '4.0.7',
      recentChanges:
        '🏆 NEW: Ranked System &amp; ELO Matchmaking - Climb from Bronze to Champion!<br>New Campaigns: Explore exciting new adventures in China, Japan, India, and UNESCO World Heritage sites.<br>Fresh Challenges: Take on the Daily Challenge, build country streaks, and more to test your skills.<br>Unlock New Modes: Level up to access brand new game modes and enhance your gameplay.<br>Improved Video Quality: Enjoy smoother, crisper street walk videos.<br>Bug Fixes &amp; Performance Enhancements',
      recentChangesText:
        '🏆 NEW: Ranked System & ELO Matchmaking - Climb from Bronze to Champion!\nNew Campaigns: Explore exciting new adventures in China, Japan, India, and UNESCO World Heritage sites.\nFresh Challenges: Take on the Daily Challenge, build country streaks, and more to test your skills.\nUnlock New Modes: Level up to access brand new game modes and enhance your gameplay.\nImproved Video Quality: Enjoy smoother, crisper street walk videos.\nBug Fixes & Performance Enhancements',
      developer: 'Adex77',
      developerId: 'Adex77',
      developerInternalId: '4855979533719537120',
      developerEmail: 'mradex77@gmail.com',
      developerWebsite: 'https://whereamigame.app',
      developerLegalName: 'Adrian Chmielewski',
      developerLegalEmail: 'mradex77@gmail.com',
      developerLegalAddress: 'Łaziec 7\n42-274 Łaziec\nPoland',
      privacyPolicy: 'https://whereamigame.app/privacy-policy.html',
      genre: 'Trivia',
      genreId: 'GAME_TRIVIA',
      categories: [
        { name: 'Trivia', id: 'GAME_TRIVIA' },
        { name: 'Casual', id: 'GAME_CASUAL' },
      ],
      icon: 'https://play-lh.googleusercontent.com/ACBS9oJ63Uy_LZ7UQc-xTJi6kwmkK5GtXaK2EEwassa9dPmoa0clzZlUsXJ613bBxfYKQjA3DUzuz4OrkeHA1A',
      headerImage: 'https://play-lh.googleusercontent.com/w5U-dmGqBXVlpYKixw_VmuA-fVQevv7uMyXuraTdl5g8dFFoBClg_C2TX7wCBediA4DFgt0wtCYNEidD5dZm',
      screenshots: [...WHERE_AM_I_SHOTS_ONCE, ...WHERE_AM_I_SHOTS_ONCE, ...WHERE_AM_I_SHOTS_ONCE],
      video: 'https://play.google.com/video/lava/web/player/yt:movie:yu4ayiAuQrQ?autoplay=1&embed=play',
      videoImage: 'https://play-lh.googleusercontent.com/w5U-dmGqBXVlpYKixw_VmuA-fVQevv7uMyXuraTdl5g8dFFoBClg_C2TX7wCBediA4DFgt0wtCYNEidD5dZm',
      previewVideo: 'https://play-games.googleusercontent.com/vp/mp4/1280x720/yu4ayiAuQrQ.mp4',
      contentRating: 'Teen',
      contentRatingDescription: 'Mild Violence',
    },
    long: {
      descriptionLength: 3771,
      descriptionStart: 'Discover the World with Where Am I? – A Thrilling Free GeoGuessr Alternative!<br><br>Explore. Guess. Compete. Win!',
      descriptionEnd: '🗺️ Download now and start your adventure to become the King of the World!',
      commentCount: 20,
      firstComment:
        'Where Am I is very interesting and useful game to collect knowledge about geography. You can learn about different geographical places easily by playing. Good graphics and satisfying performance. I really like this game.',
      lastComment:
        'Giving my new review here. Pretty solid after new update. Big thanks for hearing my opinion about pause feature!! You are the best my man !',
    },
    diagnostics: [],
  },
  {
    name: 'US Debt Now, 2022-06 BR page (record in ds:4, BRL, no ratings, ads)',
    fixture: 'details/com.moonwink.treasury.en_US-BR.2022-06.html',
    appId: treasuryId,
    url: detailsUrl(treasuryId, 'hl=en_US&gl=BR'),
    renderedDescription: false,
    expected: {
      appId: treasuryId,
      url: detailsUrl(treasuryId, 'hl=en_US&gl=BR'),
      title: 'US Debt Now - National Debt',
      summary: 'See the total US debt now!',
      installs: '1,000+',
      minInstalls: 1000,
      maxInstalls: 1220,
      score: 0,
      scoreText: '0.0',
      ratings: 0,
      reviews: 0,
      histogram: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
      price: 0,
      free: true,
      currency: 'BRL',
      priceText: 'Free',
      available: true,
      preregister: false,
      earlyAccessEnabled: false,
      offersIAP: false,
      isAvailableInPlayPass: false,
      adSupported: true,
      androidVersion: '6.0',
      androidVersionText: '6.0',
      released: 1_546_180_353_190,
      releasedText: 'Dec 30, 2018',
      updated: 1_645_477_511_053,
      updatedText: 'Feb 21, 2022',
      version: '2.3.0',
      recentChanges: 'Minor updates and improvements.',
      recentChangesText: 'Minor updates and improvements.',
      developer: 'Larry Aasen',
      developerId: 'Larry Aasen',
      developerEmail: 'chattychairman@gmail.com',
      developerWebsite: 'https://moonwink.com/',
      privacyPolicy: 'https://wordpress.com/page/larryaasen.wordpress.com/344',
      genre: 'Finance',
      genreId: 'FINANCE',
      categories: [{ name: 'Finance', id: 'FINANCE' }],
      icon: 'https://play-lh.googleusercontent.com/yU4T6s3jYQHiOSvmEoEAXnZCN1kJX8sBe9hV8oUui_D41Zu0xwA96awldlF_KNK4owY',
      headerImage: 'https://play-lh.googleusercontent.com/wC-P51BwoN9ucW_wWEWnZkRRiNC5kqmwpTQ4Z1m-eHp4T9dKNWfevUffd3Zp88aZFa4',
      screenshots: TREASURY_SHOTS,
      contentRating: 'All ages',
    },
    long: {
      descriptionLength: 1064,
      descriptionStart: 'The US Debt Now app displays the daily amount of the US National Debt over the past 25+ years.',
      descriptionEnd: 'for more information.<br><br>[:mav: 2.0]',
      commentCount: 2,
      firstComment: 'Just up and quit.',
      lastComment: 'Love it😍😍😍',
    },
    diagnostics: [
      missing('developerInternalId', 'A[68][2]'),
      ],
  },
];

describe('parseAppDetails on captured pages', () => {
  for (const page of PAGES) {
    describe(page.name, () => {
      const html = loadFixture(page.fixture);
      const result = parseAppDetails(html, { appId: page.appId, url: page.url });
      const { description, descriptionHTML, comments, ...rest } = result.value;

      it('parses every field to the value on the page', () => {
        expect(rest).toStrictEqual(page.expected);
      });

      it('reports exactly the optional fields the page does not serve', () => {
        expect(result.diagnostics).toStrictEqual(page.diagnostics);
      });

      it('keeps the description HTML as served and converts it to text', () => {
        expect(descriptionHTML).toHaveLength(page.long.descriptionLength);
        expect(descriptionHTML?.startsWith(page.long.descriptionStart)).toBe(true);
        expect(descriptionHTML?.endsWith(page.long.descriptionEnd)).toBe(true);
        if (page.renderedDescription) expect(descriptionHTML).toBe(divText(html, 'data-g-id="description"'));
        expect(description).toBe(simpleText(descriptionHTML ?? ''));
        expect(description).not.toMatch(/<br>|&(?:amp|#39|quot);/);
      });

      it('carries the texts of the reviews embedded in the page', () => {
        expect(comments).toHaveLength(page.long.commentCount);
        expect(comments?.[0]).toBe(page.long.firstComment);
        expect(comments?.at(-1)).toBe(page.long.lastComment);
      });

      it('agrees with the JSON-LD and visible text Google renders from the same data', () => {
        const ld = jsonLd(html);
        expect(ld['name']).toBe(rest.title);
        expect(ld['description']).toBe(rest.summary);
        expect(ld['applicationCategory']).toBe(rest.genreId);
        expect(ld['image']).toBe(rest.icon);
        expect(ld['contentRating']).toBe(rest.contentRating);
        expect(ld['author']).toMatchObject({ name: rest.developer, url: rest.developerWebsite });
        expect(ld['offers']).toMatchObject([{ price: String(rest.price), priceCurrency: rest.currency }]);
        if (rest.ratings !== 0) {
          const rating = ld['aggregateRating'] as Record<string, string>;
          expect(Number(rating['ratingCount'])).toBe(rest.ratings);
          expect(Number(rating['ratingValue'])).toBeCloseTo(rest.score ?? Number.NaN, 5);
        }
        const updatedLabel = html.indexOf('>Updated on</div>');
        expect(divText(html.slice(updatedLabel), 'class="xg1aie"')).toBe(rest.updatedText);
        expect(new Date(rest.updated ?? 0).getUTCFullYear()).toBe(Number(rest.updatedText?.slice(-4)));
      });
    });
  }
});

describe('parseAppDetails on pages it must refuse', () => {
  it('raises UnsupportedFormatError for the 2019 storefront', () => {
    const error = parseError(loadFixture('details/com.facebook.katana.2019-02.old-format.html'), 'com.facebook.katana');
    expect(isUnsupportedFormatError(error)).toBe(true);
  });

  it('raises UnsupportedFormatError for the 2021 pre-redesign page', () => {
    const error = parseError(loadFixture('details/com.moonwink.treasury.en_US-US.2021-10.pre-redesign.html'), treasuryId);
    expect(isUnsupportedFormatError(error)).toBe(true);
  });

  it("raises AppNotFoundError for Google's Not Found page", () => {
    const error = parseError(loadFixture('errors/datasafety-not-found.404.html'), 'com.example.nope');
    expect(isAppNotFoundError(error)).toBe(true);
    expect(error).toMatchObject({ appId: 'com.example.nope', url: detailsUrl('com.example.nope') });
  });

  it('raises ThrottledError for a 200 page without data blocks', () => {
    const error = parseError('<!doctype html><html><head><title>Google Play</title></head><body></body></html>', minecraftId);
    expect(isThrottledError(error)).toBe(true);
    expect(error).toMatchObject({ reason: 'no-data-block' });
  });

  it('raises ParseError when the page has data blocks but no app record (a developer page)', () => {
    const error = parseError(loadFixture('developer/developer-Mojang.en-us.html'), minecraftId);
    expect(isParseError(error)).toBe(true);
    expect(error).toMatchObject({ field: 'AppDetails', path: 'ds:*[1][2] (app record)' });
  });
});

describe('parseAppDetails on a real sparse (trailing-object) record', () => {
  // The data-safety page serves a cut-down app record `[[title], {"69": …, "70": …, "96": …}]`: every
  // high index lives in the trailing object under index + 1, the layout PROTOCOL.md §0 describes.
  const html = loadFixture('datasafety/com.google.android.apps.translate.en.html');
  const sparse = parseAppDetails(html, { appId: translateId, url: detailsUrl(translateId) });
  const translate = PAGES.find((page) => page.appId === translateId)?.expected;

  it('reads the fields through the trailing object and they match the details page', () => {
    const fields = [
      'title', 'developer', 'developerId', 'developerInternalId', 'developerEmail', 'developerWebsite', 'developerLegalName',
      'developerLegalEmail', 'developerLegalAddress', 'developerLegalPhoneNumber', 'privacyPolicy', 'icon',
    ] as const;
    for (const field of fields) expect(sparse.value[field], field).toBe(translate?.[field]);
  });

  it('reports the fields the cut-down record does not carry', () => {
    const reported = new Set(sparse.diagnostics.map((diagnostic) => diagnostic.field));
    for (const field of ['description', 'installs', 'score', 'price', 'version', 'updated', 'screenshots', 'categories']) {
      expect(reported.has(`AppDetails.${field}`), field).toBe(true);
    }
    expect(sparse.value.offersIAP).toBe(false);
  });
});
