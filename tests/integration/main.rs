//! Integration tests: the real server on a random port against a fresh database.
//!
//! The backend is SQLite unless `GONGKAI_TEST_PG_URL` names a PostgreSQL server on which the
//! tests may create and drop databases; `make test` runs the suite once for each.
//!
//! Every test runs on a two-worker runtime, like the real server: on a single-threaded runtime a
//! page's resource could stay pending forever (seen once in CI under heavy load; compare
//! leptos-rs/leptos#4647), leaving a request unanswered.

mod accounts;
mod assessment;
mod authz;
mod backup;
mod calendar;
mod cases;
mod catalog;
mod ratings;
mod reports;
mod common;
mod durability;
mod foundation;
mod hostile;
mod hotline;
mod isolation;
mod limits;
mod page_cache;
mod load;
mod surveys;
