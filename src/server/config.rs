//! Configuration from environment variables (all documented in the README).

use anyhow::{Context, Result};
pub use crate::domain::CountyName;

#[derive(Clone, Debug)]
pub struct Config {
    /// `sqlite://data/gongkai.db` (default) or `postgres://…`.
    pub database_url: String,
    /// The county's name in the three UI languages.
    pub county: CountyName,
    /// 6-digit administrative division code used in generated unit codes.
    pub division_code: String,
    /// Fill an empty database with the demo county on start.
    pub demo: bool,
    /// Mark cookies `Secure` (set when served over HTTPS).
    pub secure_cookies: bool,
    /// Take the client address from `X-Forwarded-For` (only behind a trusted proxy).
    pub trust_proxy: bool,
    /// Maximum pooled database connections (`GONGKAI_DB_MAX_CONNECTIONS`; by default 16 on
    /// PostgreSQL and two per core, 4 to 16, on SQLite: see `server::db::sqlite_pool_size`).
    pub db_max_connections: u32,
    /// On SQLite, how each connection reads the file: the size of its memory map
    /// (`GONGKAI_SQLITE_MMAP_MB`, 0 by default: every page with `read`) and of its page cache
    /// (`GONGKAI_SQLITE_CACHE_MB`, 4 by default). See `server::db::SqliteMemory`.
    pub sqlite_memory: super::db::SqliteMemory,
    /// The public address of the portal (`https://gov.example.cn`), printed in QR codes and
    /// letters; when unset, taken from the request's Host header.
    pub public_url: Option<String>,
    /// A fixed "today" for demos and tests that need to move the calendar (`GONGKAI_TODAY`).
    pub today: Option<time::Date>,
    /// Working days before the due date at which a case turns yellow (`GONGKAI_YELLOW_DAYS`).
    pub yellow_days: u32,
    /// Throttle failed lookups; only the lookup benchmark turns it off
    /// (`GONGKAI_BENCH_NO_LOOKUP_THROTTLE=1`).
    pub lookup_throttle: bool,
    /// How catalog index numbers (索引号) are formed (`GONGKAI_INDEX_PATTERN`); see
    /// `domain::catalog::IndexPattern`.
    pub index_pattern: crate::domain::catalog::IndexPattern,
    /// Working days a unit has to answer a 差评 (`GONGKAI_RECTIFY_DAYS`, 5 by default; cities use
    /// 5 to 15).
    pub rectify_days: u32,
    /// Working days to answer a hotline letter, per type (`GONGKAI_LETTER_DAYS`).
    pub letter_limits: crate::domain::letter::LetterLimits,
    /// The unit whose staff run the hotline desk, by credit code (`GONGKAI_HOTLINE_DESK`);
    /// default: the first top-level unit (the government office).
    pub hotline_desk: Option<String>,
    /// Lets a browser set "today" with the `gk_test_today` cookie (`GONGKAI_TEST_CLOCK=1`), so the
    /// browser tests can move the calendar for their own cases. Never on a real site.
    pub test_clock: bool,
    /// Survey answers each client address may send per survey per hour
    /// (`GONGKAI_SURVEY_PER_ADDRESS`, 50 by default: offices and mobile carriers share addresses).
    pub survey_per_address: i64,
    /// Requests served at once (`GONGKAI_MAX_IN_FLIGHT`, 64 by default: two cores and a pool of
    /// database connections do not serve more any faster).
    pub max_in_flight: usize,
    /// Requests that may wait for one of those places (`GONGKAI_MAX_QUEUED`, 1024 by default) and
    /// for how long (`GONGKAI_QUEUE_WAIT_MS`, 2000 by default); past either the server answers 503
    /// with Retry-After instead of queueing until everyone times out.
    pub max_queued: usize,
    pub queue_wait_ms: u64,
    /// How long an anonymous public page is served from memory (`GONGKAI_PAGE_CACHE_MS`, 2000 by
    /// default; 0 turns the page cache off). See `server::page_cache`.
    pub page_cache_ms: u64,
    /// How long figures behind public pages (a total over all published letters …) are kept
    /// (`GONGKAI_FIGURES_CACHE_MS`, 2000 by default; 0 reads them every time). See `server::memo`.
    pub figures_cache_ms: u64,
    /// New applications and letters each client address may file per hour
    /// (`GONGKAI_SUBMIT_PER_ADDRESS`, 30 by default; a service hall's shared address files for many).
    pub submit_per_address: i64,
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn flag(name: &str) -> bool {
    matches!(var(name).as_deref(), Some("1" | "true" | "yes" | "on"))
}

impl Config {
    pub fn from_env() -> Result<Config> {
        let default_county = CountyName::default();
        let division_code = var("GONGKAI_DIVISION_CODE").unwrap_or_else(|| "341899".into());
        if division_code.len() != 6 || !division_code.bytes().all(|b| b.is_ascii_digit()) {
            anyhow::bail!("GONGKAI_DIVISION_CODE must be 6 digits, got {division_code:?}");
        }
        let database_url = var("DATABASE_URL").unwrap_or_else(|| "sqlite://data/gongkai.db".into());
        let db_max_connections = match var("GONGKAI_DB_MAX_CONNECTIONS") {
            Some(v) => v.parse().ok().filter(|n| *n >= 1).context("GONGKAI_DB_MAX_CONNECTIONS must be a number from 1")?,
            None if database_url.starts_with("sqlite:") => {
                super::db::sqlite_pool_size(std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1))
            }
            None => 16,
        };
        let today = match var("GONGKAI_TODAY") {
            Some(v) => Some(
                time::Date::parse(&v, &time::format_description::well_known::Iso8601::DATE)
                    .context("GONGKAI_TODAY must be a date like 2026-11-23")?,
            ),
            None => None,
        };
        let yellow_days = match var("GONGKAI_YELLOW_DAYS") {
            Some(v) => v.parse().context("GONGKAI_YELLOW_DAYS must be a number")?,
            None => 3,
        };
        let index_pattern = match var("GONGKAI_INDEX_PATTERN") {
            Some(v) => crate::domain::catalog::IndexPattern::parse(&v).context("GONGKAI_INDEX_PATTERN is not a valid pattern")?,
            None => Default::default(),
        };
        let rectify_days = match var("GONGKAI_RECTIFY_DAYS") {
            Some(v) => v.parse().ok().filter(|d| (1..=60).contains(d)).context("GONGKAI_RECTIFY_DAYS must be 1 to 60")?,
            None => 5,
        };
        let letter_limits = match var("GONGKAI_LETTER_DAYS") {
            Some(v) => parse_letter_limits(&v).context("GONGKAI_LETTER_DAYS must look like urgent=0,consult=3,help=3,suggestion=13,complaint=13,report=13")?,
            None => Default::default(),
        };
        let test_clock = flag("GONGKAI_TEST_CLOCK");
        if test_clock {
            tracing::warn!("GONGKAI_TEST_CLOCK is on: browsers can change the date. Never on a real site.");
        }
        let survey_per_address = match var("GONGKAI_SURVEY_PER_ADDRESS") {
            Some(v) => v.parse().ok().filter(|d| (1..=100_000).contains(d)).context("GONGKAI_SURVEY_PER_ADDRESS must be 1 to 100000")?,
            None => 50,
        };
        let max_in_flight = match var("GONGKAI_MAX_IN_FLIGHT") {
            Some(v) => v.parse().ok().filter(|d| (1..=1_000_000).contains(d)).context("GONGKAI_MAX_IN_FLIGHT must be 1 to 1000000")?,
            None => 64,
        };
        let max_queued = match var("GONGKAI_MAX_QUEUED") {
            Some(v) => v.parse().ok().filter(|d| (0..=1_000_000).contains(d)).context("GONGKAI_MAX_QUEUED must be 0 to 1000000")?,
            None => 1024,
        };
        let page_cache_ms = match var("GONGKAI_PAGE_CACHE_MS") {
            Some(v) => v.parse().ok().filter(|d| (0..=600_000).contains(d)).context("GONGKAI_PAGE_CACHE_MS must be 0 to 600000")?,
            None => 2000,
        };
        let figures_cache_ms = match var("GONGKAI_FIGURES_CACHE_MS") {
            Some(v) => v.parse().ok().filter(|d| (0..=600_000).contains(d)).context("GONGKAI_FIGURES_CACHE_MS must be 0 to 600000")?,
            None => 2000,
        };
        let queue_wait_ms = match var("GONGKAI_QUEUE_WAIT_MS") {
            Some(v) => v.parse().ok().filter(|d| (0..=60_000).contains(d)).context("GONGKAI_QUEUE_WAIT_MS must be 0 to 60000")?,
            None => 2000,
        };
        let sqlite_memory = super::db::SqliteMemory {
            map_bytes: match var("GONGKAI_SQLITE_MMAP_MB") {
                Some(v) => v.parse::<u64>().ok().filter(|d| *d <= super::db::MMAP_MAX_BYTES >> 20).context("GONGKAI_SQLITE_MMAP_MB must be 0 to 65536")? << 20,
                None => super::db::MMAP_BYTES,
            },
            cache_bytes: match var("GONGKAI_SQLITE_CACHE_MB") {
                Some(v) => {
                    v.parse::<u64>().ok().filter(|d| (1..=4096).contains(d)).context("GONGKAI_SQLITE_CACHE_MB must be 1 to 4096")? << 20
                }
                None => super::db::CACHE_BYTES,
            },
        };
        let submit_per_address = match var("GONGKAI_SUBMIT_PER_ADDRESS") {
            Some(v) => v.parse().ok().filter(|d| (1..=10_000_000).contains(d)).context("GONGKAI_SUBMIT_PER_ADDRESS must be 1 to 10000000")?,
            None => 30,
        };
        Ok(Config {
            submit_per_address,
            max_in_flight,
            max_queued,
            queue_wait_ms,
            page_cache_ms,
            figures_cache_ms,
            survey_per_address,
            letter_limits,
            hotline_desk: var("GONGKAI_HOTLINE_DESK"),
            test_clock,
            index_pattern,
            rectify_days,
            public_url: var("GONGKAI_PUBLIC_URL").map(|u| u.trim_end_matches('/').to_owned()),
            today,
            yellow_days,
            lookup_throttle: !flag("GONGKAI_BENCH_NO_LOOKUP_THROTTLE"),
            database_url,
            county: CountyName {
                hans: var("GONGKAI_COUNTY").unwrap_or(default_county.hans),
                hant: var("GONGKAI_COUNTY_HANT").unwrap_or(default_county.hant),
                en: var("GONGKAI_COUNTY_EN").unwrap_or(default_county.en),
            },
            division_code,
            demo: flag("GONGKAI_DEMO"),
            secure_cookies: flag("GONGKAI_SECURE_COOKIES"),
            trust_proxy: flag("GONGKAI_TRUST_PROXY"),
            db_max_connections,
            sqlite_memory,
        })
    }

    /// A configuration for tests and tools: defaults plus the given database.
    pub fn for_database(database_url: &str) -> Config {
        Config {
            database_url: database_url.to_owned(),
            county: CountyName::default(),
            division_code: "341899".into(),
            demo: false,
            secure_cookies: false,
            trust_proxy: false,
            db_max_connections: 8,
            sqlite_memory: Default::default(),
            public_url: None,
            today: None,
            yellow_days: 3,
            lookup_throttle: true,
            index_pattern: Default::default(),
            rectify_days: 5,
            letter_limits: Default::default(),
            hotline_desk: None,
            test_clock: false,
            survey_per_address: 50,
            max_in_flight: 64,
            max_queued: 1024,
            queue_wait_ms: 2000,
            // Tests read what they have just written to the database.
            page_cache_ms: 0,
            figures_cache_ms: 0,
            // Tests and tools file many cases from one address.
            submit_per_address: 100_000,
        }
    }
}

/// `urgent=0,consult=3,…`: any subset of the types, each 0 to 60 working days.
fn parse_letter_limits(v: &str) -> Option<crate::domain::letter::LetterLimits> {
    let mut l = crate::domain::letter::LetterLimits::default();
    for part in v.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (k, d) = part.split_once('=')?;
        let d: u32 = d.trim().parse().ok().filter(|d| *d <= 60)?;
        let slot = match k.trim() {
            "urgent" => &mut l.urgent,
            "consult" => &mut l.consult,
            "help" => &mut l.help,
            "suggestion" => &mut l.suggestion,
            "complaint" => &mut l.complaint,
            "report" => &mut l.report,
            _ => return None,
        };
        *slot = d;
    }
    Some(l)
}

impl Config {
    /// Today's date in China (UTC+8), unless fixed by `GONGKAI_TODAY`.
    pub fn today(&self) -> time::Date {
        self.today.unwrap_or_else(|| {
            time::OffsetDateTime::now_utc().to_offset(time::UtcOffset::from_hms(8, 0, 0).unwrap_or(time::UtcOffset::UTC)).date()
        })
    }
}
