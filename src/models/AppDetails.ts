import type { AppRequest } from './requests.js';
/**
 * The rating histogram of an app: how many ratings gave 1 … 5 stars.
 * Keys are star values; values are counts of ratings (not written reviews).
 */
export interface AppHistogram {
  /** Number of 1-star ratings. */
  readonly 1: number;
  /** Number of 2-star ratings. */
  readonly 2: number;
  /** Number of 3-star ratings. */
  readonly 3: number;
  /** Number of 4-star ratings. */
  readonly 4: number;
  /** Number of 5-star ratings. */
  readonly 5: number;
}

/** One category tag of an app (store category or "tag" chip shown on the page). */
export interface AppCategory {
  /** Display name in the page language, e.g. `Simulation`. */
  readonly name: string;
  /** Category id such as `GAME_SIMULATION`; left out for tags that are not store categories (e.g. `Sandbox`). */
  readonly id?: string;
}

/**
 * Everything the app details page (`GET /store/apps/details?id=…`) serves about one app.
 *
 * Required fields: `appId`, `url`, `title`, `developer`, `icon`. Every other field is optional: when
 * the page does not carry it, the key is left out and the parse result lists a `missing` diagnostic
 * for it — including values that are legitimately absent on that page (no video, no sale, no
 * released date). The exceptions are `offersIAP`, `adSupported` and `isAvailableInPlayPass`: Google
 * signals "no" by leaving their slot out, so they default to `false` without a diagnostic.
 *
 * Not modelled: `editorsChoice` and `features` (only in FO's README; no page serves them) and
 * `permissions` (a separate `xdSrCf` request). Modelled but empty on every 2026 capture:
 * `developerAddress` (the address now comes as `developerLegalAddress`), `androidMaxVersion`, and the
 * sale fields `originalPrice` / `discountEndDate` (no sale was running).
 *
 * Dates are **epoch milliseconds** (UTC); prices are in **currency units** (e.g. `6.99`), converted
 * from Google's micros.
 */
export interface AppDetails {
  /** The request that produced these details (set by the batch API and operations). */
  readonly request?: AppRequest;
  /** The package name that was requested, e.g. `com.mojang.minecraftpe`. */
  readonly appId: string;
  /** The request URL the page came from. */
  readonly url: string;
  /** App name, e.g. `Minecraft: Dream it, Build it!`. */
  readonly title: string;
  /** Description as plain text: `<br>` became `\n`, tags were dropped, entities decoded. Translated text when Google serves a translation. */
  readonly description?: string;
  /** Description as the HTML fragment Google serves. */
  readonly descriptionHTML?: string;
  /** Short description ("summary") as plain text. */
  readonly summary?: string;
  /** Install bucket as display text, e.g. `50,000,000+`. */
  readonly installs?: string;
  /** Lower bound of the install bucket, e.g. `50000000` (installs). */
  readonly minInstalls?: number;
  /** Google's actual install count, e.g. `91130079` (installs); despite the FO name, not an upper bound. */
  readonly maxInstalls?: number;
  /** Average rating, 0–5 stars (float; `0` when the app has no ratings). */
  readonly score?: number;
  /** Average rating as displayed, e.g. `4.3`. */
  readonly scoreText?: string;
  /** Number of ratings (star ratings, with or without text). */
  readonly ratings?: number;
  /** Number of written reviews. */
  readonly reviews?: number;
  /** Ratings per star value; all zeros when the app has no ratings. */
  readonly histogram?: AppHistogram;
  /** Price in currency units, e.g. `6.99`; `0` for a free app. */
  readonly price?: number;
  /** `true` when the price is zero. */
  readonly free?: boolean;
  /** ISO 4217 currency code of the price, e.g. `USD`. */
  readonly currency?: string;
  /** Price as displayed, e.g. `$6.99`; `Free` when the offer's price is zero (Google serves an empty text). */
  readonly priceText?: string;
  /** Price before a sale, in currency units; only during a sale. */
  readonly originalPrice?: number;
  /** End of a sale as served (display text); only during a sale. Not seen in any capture, so its shape is unverified. */
  readonly discountEndDate?: string;
  /** Whether the app can be installed (Google's availability code is non-zero). */
  readonly available?: boolean;
  /** Whether the app is open for pre-registration only (availability code `1`). */
  readonly preregister?: boolean;
  /** Whether the app is in early access (a text marker in the availability slot). */
  readonly earlyAccessEnabled?: boolean;
  /** Whether the app sells in-app products. Defaults to `false`: Google leaves the slot out when it does not. */
  readonly offersIAP: boolean;
  /** In-app product price range as displayed, e.g. `$0.99 - $49.99 per item`. */
  readonly IAPRange?: string;
  /** Whether the app is part of Play Pass. Defaults to `false` (slot left out otherwise). */
  readonly isAvailableInPlayPass: boolean;
  /** Whether the app shows ads ("Contains ads"). Defaults to `false` (slot left out otherwise). */
  readonly adSupported: boolean;
  /** Minimum Android version, e.g. `8.0`, or `VARY` when it varies with the device. */
  readonly androidVersion?: string;
  /** Minimum Android version as text, e.g. `8.0`, or `Varies with device`. */
  readonly androidVersionText?: string;
  /** Maximum Android version, e.g. `13`, when the app declares one. */
  readonly androidMaxVersion?: string;
  /** First release date, epoch milliseconds (UTC). */
  readonly released?: number;
  /** First release date as displayed in the page language, e.g. `Aug 15, 2011`. */
  readonly releasedText?: string;
  /** Date of the last update, epoch milliseconds (UTC). */
  readonly updated?: number;
  /** Date of the last update as displayed in the page language, e.g. `Jun 25, 2026`. */
  readonly updatedText?: string;
  /** Current version name, e.g. `1.26.32.2`, or `VARY` when it varies with the device. */
  readonly version?: string;
  /** "What's new" as the HTML fragment Google serves (FO's `recentChanges`). */
  readonly recentChanges?: string;
  /** "What's new" as plain text (`<br>` → `\n`, entities decoded). */
  readonly recentChangesText?: string;
  /** Developer display name, e.g. `Mojang`. */
  readonly developer: string;
  /** Developer id as used by the developer page URL: a number (`4772240228547998649`) or a name (`Larry Aasen`), URL-decoded. */
  readonly developerId?: string;
  /** Google's numeric developer id, e.g. `4855979533719537120` (also for developers whose page id is a name). */
  readonly developerInternalId?: string;
  /** Developer support e-mail address. */
  readonly developerEmail?: string;
  /** Developer website URL. */
  readonly developerWebsite?: string;
  /** Developer postal address (lines separated by `\n`); empty on 2026 pages, see `developerLegalAddress`. */
  readonly developerAddress?: string;
  /** Legal name of the trader behind the app (EU trader disclosure), e.g. `Microsoft Corporation`. */
  readonly developerLegalName?: string;
  /** Legal contact e-mail address. */
  readonly developerLegalEmail?: string;
  /** Legal postal address, lines separated by `\n` as served. */
  readonly developerLegalAddress?: string;
  /** Legal contact phone number as displayed, e.g. `+1 800-642-7676`. */
  readonly developerLegalPhoneNumber?: string;
  /** Privacy policy URL. */
  readonly privacyPolicy?: string;
  /** Main category name, e.g. `Arcade`. */
  readonly genre?: string;
  /** Main category id, e.g. `GAME_ARCADE`. */
  readonly genreId?: string;
  /** Category tags; when the page lists none, the main category (`genre`/`genreId`) alone. */
  readonly categories?: readonly AppCategory[];
  /** Icon image URL. */
  readonly icon: string;
  /** Feature graphic (header image) URL. */
  readonly headerImage?: string;
  /** Screenshot image URLs in page order, as served (some apps list the same set more than once). */
  readonly screenshots?: readonly string[];
  /** Promo video player URL. */
  readonly video?: string;
  /** Promo video thumbnail image URL. */
  readonly videoImage?: string;
  /** Short autoplay preview video (MP4) URL. */
  readonly previewVideo?: string;
  /** Content rating label, e.g. `Everyone 10+`. */
  readonly contentRating?: string;
  /** Content descriptors, e.g. `Fantasy Violence`. */
  readonly contentRatingDescription?: string;
  /** Texts of the reviews embedded in the page (the ones shown on it), in page order. */
  readonly comments?: readonly string[];
}
