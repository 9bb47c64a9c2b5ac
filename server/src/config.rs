//! Configuration from flags and environment variables (`commons --help`).
use std::{net::SocketAddr, path::PathBuf, time::Duration};

/// The longest a request may take to get its response. Pages answer in milliseconds; this bounds
/// one that never would (a lost wakeup in rendering, say) to an error the log records, instead of
/// a connection held forever. Live streams are not affected: their handshake answers at once.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

const DEFAULT_MAIL_FROM: &str = "Commons <commons@localhost>";

pub const HELP: &str = "\
commons: the Commons social intranet server

USAGE:
    commons [OPTIONS]          serve Commons
    commons seed [--help]      fill an empty database with a realistic organization

OPTIONS (each also read from the environment variable shown):
    --bind ADDR            address to listen on            COMMONS_BIND      [127.0.0.1:3000]
    --data-dir DIR         where the SQLite file lives      COMMONS_DATA_DIR  [data]
    --database-url URL     sqlite:... or postgres://...     DATABASE_URL      [sqlite in the data dir]
    --media-dir DIR        uploaded photos                  COMMONS_MEDIA_DIR [DIR/media in the data dir]
    --public-url URL       address people use, for links    COMMONS_PUBLIC_URL
                           (https:// also marks the session cookie Secure)
    --site-root DIR        built CSS, JS, WASM and icons    LEPTOS_SITE_ROOT  [target/site]
    --smtp-url URL         mail server: smtp://user:pass@host:587 (STARTTLS), COMMONS_SMTP_URL
                           smtps://... (TLS), smtp://host:25?tls=none (plain)
                           [none: messages are saved as .eml files in DIR/mail]
    --mail-from ADDR       sender of mail                   COMMONS_MAIL_FROM [Commons <commons@localhost>]
    --trusted-proxies LIST reverse proxies whose X-Forwarded-For is believed,  COMMONS_TRUSTED_PROXIES
                           as address blocks: 10.0.0.0/8,127.0.0.1  [none: the socket's peer]
    --log-format FORMAT    text or json                     COMMONS_LOG_FORMAT [text]
    --card-cache N         feed cards kept rendered, in memory (about 5 kB each), COMMONS_CARD_CACHE
                           up to twice N; 0 renders every card for every page  [1000]
    --page-cache N         pages kept as sent, per person and address, for     COMMONS_PAGE_CACHE
                           a reload before anything changes (about 110 kB
                           each), up to twice N; 0 makes every page  [100]
    --no-rate-limits       turn off rate limits (benchmarks only)  COMMONS_RATE_LIMITS=off
    -h, --help             show this help
    -V, --version          show the version
";

#[derive(Debug, Clone)]
pub struct Config {
    pub bind: SocketAddr,
    pub data_dir: PathBuf,
    pub database_url: String,
    /// Where uploaded media is kept (and uploads wait, in its `incoming` folder).
    pub media_dir: PathBuf,
    pub public_url: Option<String>,
    pub site_root: PathBuf,
    pub json_logs: bool,
    pub rate_limits: bool,
    pub smtp_url: Option<String>,
    pub mail_from: String,
    pub trusted_proxies: Vec<app::net::Cidr>,
    /// See [`REQUEST_TIMEOUT`]; shorter only in tests.
    pub request_timeout: Duration,
    /// See [`crate::live::MESSAGES_PER_SECOND`]; fewer only in tests (to see streams rest).
    pub live_messages_per_second: u32,
    /// Feed cards kept rendered (`app::posts::card_cache`): the size of each of its two
    /// generations; 0 keeps none.
    pub card_cache: usize,
    /// Pages kept as sent (`crate::page_cache`): the size of each of its two generations; 0
    /// keeps none.
    pub page_cache: usize,
}

pub enum Command {
    Serve(Box<Config>),
    Help,
    Version,
}

impl Config {
    /// The defaults with a given database, for tests and tools.
    pub fn for_database(database_url: &str) -> Config {
        Config {
            bind: "127.0.0.1:0".parse().expect("valid address"),
            data_dir: PathBuf::from("data"),
            database_url: database_url.to_string(),
            media_dir: PathBuf::from("data/media"),
            public_url: None,
            site_root: PathBuf::from("target/site"),
            json_logs: false,
            rate_limits: true,
            smtp_url: None,
            mail_from: DEFAULT_MAIL_FROM.into(),
            trusted_proxies: Vec::new(),
            request_timeout: REQUEST_TIMEOUT,
            live_messages_per_second: crate::live::MESSAGES_PER_SECOND,
            card_cache: app::posts::card_cache::DEFAULT_GENERATION,
            page_cache: crate::page_cache::DEFAULT_GENERATION,
        }
    }

    /// Where media is stored: a folder on this machine.
    pub fn media(&self) -> app::media::Media {
        app::media::Media {
            storage: std::sync::Arc::new(app::media::storage::LocalFolder::new(&self.media_dir)),
            uploads: self.media_dir.join("incoming"),
        }
    }

    /// Where mail goes: the SMTP server, or `.eml` files in the data folder.
    pub fn outbox(&self) -> Result<app::mail::Outbox, String> {
        match &self.smtp_url {
            Some(url) => app::mail::Outbox::smtp(url, &self.mail_from),
            None => app::mail::Outbox::folder(self.data_dir.join("mail"), &self.mail_from),
        }
    }

    pub fn secure_cookies(&self) -> bool {
        self.public_url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://"))
    }
}

/// Reads flags (which win) and environment variables.
pub fn parse(
    args: impl IntoIterator<Item = String>,
    env: impl Fn(&str) -> Option<String>,
) -> Result<Command, String> {
    let mut bind = env("COMMONS_BIND");
    let mut data_dir = env("COMMONS_DATA_DIR");
    let mut database_url = env("DATABASE_URL").filter(|u| !u.is_empty());
    let mut media_dir = env("COMMONS_MEDIA_DIR").filter(|d| !d.is_empty());
    let mut public_url = env("COMMONS_PUBLIC_URL").filter(|u| !u.is_empty());
    let mut site_root = env("LEPTOS_SITE_ROOT");
    let mut log_format = env("COMMONS_LOG_FORMAT");
    let mut rate_limits = env("COMMONS_RATE_LIMITS").as_deref() != Some("off");
    let mut smtp_url = env("COMMONS_SMTP_URL").filter(|u| !u.is_empty());
    let mut mail_from = env("COMMONS_MAIL_FROM").filter(|u| !u.is_empty());
    let mut trusted_proxies = env("COMMONS_TRUSTED_PROXIES");
    let mut card_cache = env("COMMONS_CARD_CACHE").filter(|n| !n.is_empty());
    let mut page_cache = env("COMMONS_PAGE_CACHE").filter(|n| !n.is_empty());

    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_string(), Some(value.to_string()))
            }
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "--bind" => bind = Some(value("--bind")?),
            "--data-dir" => data_dir = Some(value("--data-dir")?),
            "--database-url" => database_url = Some(value("--database-url")?),
            "--media-dir" => media_dir = Some(value("--media-dir")?),
            "--public-url" => public_url = Some(value("--public-url")?),
            "--site-root" => site_root = Some(value("--site-root")?),
            "--log-format" => log_format = Some(value("--log-format")?),
            "--no-rate-limits" => rate_limits = false,
            "--smtp-url" => smtp_url = Some(value("--smtp-url")?),
            "--mail-from" => mail_from = Some(value("--mail-from")?),
            "--trusted-proxies" => trusted_proxies = Some(value("--trusted-proxies")?),
            "--card-cache" => card_cache = Some(value("--card-cache")?),
            "--page-cache" => page_cache = Some(value("--page-cache")?),
            other => return Err(format!("unknown option {other} (see commons --help)")),
        }
    }

    let bind = bind.unwrap_or_else(|| "127.0.0.1:3000".into());
    let bind = bind
        .parse()
        .map_err(|_| format!("--bind: {bind} is not an address like 127.0.0.1:3000"))?;
    let data_dir = PathBuf::from(data_dir.unwrap_or_else(|| "data".into()));
    let database_url = database_url
        .unwrap_or_else(|| format!("sqlite://{}/commons.db?mode=rwc", data_dir.display()));
    if app::db::Dialect::of(&database_url).is_none() {
        return Err("DATABASE_URL must start with sqlite: or postgres://".into());
    }
    if let Some(url) = &public_url {
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Err("--public-url must start with http:// or https://".into());
        }
    }
    let trusted_proxies = app::net::Cidr::parse_list(trusted_proxies.as_deref().unwrap_or(""))
        .map_err(|error| format!("--trusted-proxies: {error}"))?;
    let json_logs = match log_format.as_deref() {
        None | Some("text") => false,
        Some("json") => true,
        Some(other) => return Err(format!("--log-format: {other} is not text or json")),
    };
    let card_cache = match card_cache {
        None => app::posts::card_cache::DEFAULT_GENERATION,
        Some(n) => n
            .parse()
            .map_err(|_| format!("--card-cache: {n} is not a number of cards"))?,
    };
    let page_cache = match page_cache {
        None => crate::page_cache::DEFAULT_GENERATION,
        Some(n) => n
            .parse()
            .map_err(|_| format!("--page-cache: {n} is not a number of pages"))?,
    };
    let media_dir = media_dir.map_or_else(|| data_dir.join("media"), PathBuf::from);
    Ok(Command::Serve(Box::new(Config {
        bind,
        data_dir,
        database_url,
        media_dir,
        public_url: public_url.map(|u| u.trim_end_matches('/').to_string()),
        site_root: PathBuf::from(site_root.unwrap_or_else(|| "target/site".into())),
        json_logs,
        rate_limits,
        smtp_url,
        mail_from: mail_from.unwrap_or_else(|| DEFAULT_MAIL_FROM.into()),
        trusted_proxies,
        request_timeout: REQUEST_TIMEOUT,
        live_messages_per_second: crate::live::MESSAGES_PER_SECOND,
        card_cache,
        page_cache,
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serve(args: &[&str], env: &[(&str, &str)]) -> Result<Config, String> {
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        match parse(args.iter().map(|s| s.to_string()), |k| {
            env.iter()
                .find(|(name, _)| name == k)
                .map(|(_, v)| v.clone())
        })? {
            Command::Serve(config) => Ok(*config),
            _ => Err("not serve".into()),
        }
    }

    #[test]
    fn defaults_to_sqlite_in_the_data_dir() {
        let config = serve(&[], &[]).unwrap();
        assert_eq!(config.bind.to_string(), "127.0.0.1:3000");
        assert_eq!(config.database_url, "sqlite://data/commons.db?mode=rwc");
        assert_eq!(config.media_dir, PathBuf::from("data/media"));
        assert!(!config.secure_cookies());
        let moved = serve(
            &["--data-dir", "/srv/c"],
            &[("COMMONS_MEDIA_DIR", "/mnt/media")],
        );
        assert_eq!(moved.unwrap().media_dir, PathBuf::from("/mnt/media"));
    }

    #[test]
    fn flags_win_over_environment() {
        let config = serve(
            &[
                "--bind",
                "0.0.0.0:8080",
                "--public-url=https://c.example.org/",
            ],
            &[
                ("COMMONS_BIND", "127.0.0.1:1"),
                ("DATABASE_URL", "postgres://localhost/x"),
            ],
        )
        .unwrap();
        assert_eq!(config.bind.to_string(), "0.0.0.0:8080");
        assert_eq!(config.database_url, "postgres://localhost/x");
        assert_eq!(config.public_url.as_deref(), Some("https://c.example.org"));
        assert!(config.secure_cookies());
    }

    #[test]
    fn bad_input_is_explained() {
        assert!(serve(&["--bind", "nowhere"], &[])
            .unwrap_err()
            .contains("--bind"));
        assert!(serve(&["--frobnicate"], &[])
            .unwrap_err()
            .contains("unknown option"));
        assert!(serve(&["--trusted-proxies", "10.0.0.0/8,proxy"], &[])
            .unwrap_err()
            .contains("--trusted-proxies"));
        assert_eq!(
            serve(&[], &[("COMMONS_TRUSTED_PROXIES", "10.0.0.0/8, ::1")])
                .unwrap()
                .trusted_proxies
                .len(),
            2
        );
        assert!(serve(&[], &[("DATABASE_URL", "mysql://x")])
            .unwrap_err()
            .contains("DATABASE_URL"));
        assert!(serve(&["--card-cache", "many"], &[])
            .unwrap_err()
            .contains("--card-cache"));
    }

    #[test]
    fn the_card_cache_is_on_unless_set_to_zero() {
        let default = serve(&[], &[]).unwrap().card_cache;
        assert_eq!(default, app::posts::card_cache::DEFAULT_GENERATION);
        assert_eq!(
            serve(&[], &[("COMMONS_CARD_CACHE", "0")])
                .unwrap()
                .card_cache,
            0
        );
        let flag = serve(&["--card-cache=50"], &[("COMMONS_CARD_CACHE", "0")]);
        assert_eq!(flag.unwrap().card_cache, 50);
    }

    #[test]
    fn the_page_cache_is_on_unless_set_to_zero() {
        let default = serve(&[], &[]).unwrap().page_cache;
        assert_eq!(default, crate::page_cache::DEFAULT_GENERATION);
        let off = serve(&[], &[("COMMONS_PAGE_CACHE", "0")]).unwrap();
        assert_eq!(off.page_cache, 0);
        let flag = serve(&["--page-cache", "7"], &[("COMMONS_PAGE_CACHE", "0")]);
        assert_eq!(flag.unwrap().page_cache, 7);
        assert!(serve(&["--page-cache", "all"], &[])
            .unwrap_err()
            .contains("--page-cache"));
    }
}
