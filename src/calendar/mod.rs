//! The working-day calendar that every deadline is counted on, maintained by administrators.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;

use crate::domain::DayKind;
use serde::{Deserialize, Serialize};

/// One day that differs from the weekday/weekend rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarDayView {
    /// ISO 8601, e.g. `2026-10-01`.
    pub date: String,
    pub kind: DayKind,
    pub note: String,
}

/// A year's special days.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarYear {
    pub year: i32,
    pub days: Vec<CalendarDayView>,
}

/// Longest note on a calendar day, in characters.
pub const MAX_NOTE_CHARS: usize = 100;
