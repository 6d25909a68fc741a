/**
 * One app as Google Play lists it: a card of a top chart, a developer page or a cluster, a row of
 * a search page or a `qnKhOb` continuation page (PROTOCOL.md §4.2, §4.3). Only `appId`, `title`
 * and `url` are always present; every other field is left out when the response does not serve
 * it (and the parser records a diagnostic).
 */
export interface AppListItem {
  /** Package name, e.g. `com.mojang.minecraftpe`. */
  readonly appId: string;
  /** App name as listed. */
  readonly title: string;
  /** Absolute URL of the app's details page, e.g. `https://play.google.com/store/apps/details?id=…`. */
  readonly url: string;
  /** Absolute URL of the app icon (a `play-lh.googleusercontent.com` image). */
  readonly icon?: string;
  /** Developer name as listed. */
  readonly developer?: string;
  /**
   * Developer id: the `id` of the developer link, decoded: a number such as `5700313618786177705`
   * (for `/store/apps/dev?id=`) or a name such as `Mojang` (for `/store/apps/developer?id=`).
   * Served by search rows and the featured search result only; cards carry no developer link.
   */
  readonly developerId?: string;
  /** ISO 4217 currency code of `price`, e.g. `USD`. */
  readonly currency?: string;
  /** Price in currency units (not micros), e.g. `6.99`; `0` for a free app. */
  readonly price?: number;
  /** Whether the app is free to install (price 0). */
  readonly free?: boolean;
  /** Price as displayed, e.g. `$6.99`. Google serves none for free apps. */
  readonly priceText?: string;
  /**
   * Text served with the app, as served (HTML: may contain `<br>` and entities). Search rows
   * serve the one-line summary; cards serve the store description.
   */
  readonly summary?: string;
  /** Average rating as displayed, e.g. `4.3`. */
  readonly scoreText?: string;
  /** Average rating in stars, 1–5 (e.g. `4.3155046`). Left out for apps without ratings. */
  readonly score?: number;
  /** Genre name as displayed, e.g. `Puzzle` (cards and the featured search result). */
  readonly genre?: string;
  /** Install count bucket as displayed, e.g. `5,000,000+` (cards and the featured search result). */
  readonly installs?: string;
  /** Absolute URLs of the screenshots, in store order (cards and the featured search result). */
  readonly screenshots?: readonly string[];
}
