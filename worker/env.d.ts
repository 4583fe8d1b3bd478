// Optional vars that `npm run cf-typegen` cannot list because wrangler.toml leaves them unset.
declare namespace Cloudflare {
  interface Env {
    /** Pins the API the add-on at /addon calls (an https origin); unset: the origin /addon is opened at. */
    ADDON_API_URL?: string;
  }
}
