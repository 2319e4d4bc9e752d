//! Public ratings (好差评): a citizen rates a finished case once from the lookup page; a 差评 opens
//! a rectification the unit answers within a number of working days, then the citizen rates
//! again; units may appeal a rating and an evaluator decides. `/ratings` publishes 好评率, the
//! counts per level and the rankings of units and matters.

pub mod api;
#[cfg(feature = "ssr")]
pub mod export;
pub mod pages;
pub mod window;
#[cfg(feature = "ssr")]
pub mod store;

use crate::domain::rating::{LevelCounts, RatingLevel, Ranked};
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

/// The unit's answer to a 差评.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RectificationView {
    pub state: RectState,
    pub due_on: String,
    pub overdue: bool,
    pub explanation: String,
    pub remedy: String,
    pub callback: String,
    pub answered_on: String,
    pub second_level: Option<RatingLevel>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RectState {
    Open,
    Answered,
    Rerated,
}

impl RectState {
    pub fn parse(s: &str) -> RectState {
        match s {
            "answered" => RectState::Answered,
            "rerated" => RectState::Rerated,
            _ => RectState::Open,
        }
    }

    pub fn msg(self) -> Msg {
        match self {
            RectState::Open => Msg::RectOpen,
            RectState::Answered => Msg::RectAnswered,
            RectState::Rerated => Msg::RectRerated,
        }
    }
}

/// A case's rating as its citizen sees it on the lookup page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseRating {
    pub level: RatingLevel,
    pub comment: String,
    pub rated_on: String,
    pub rectification: Option<RectificationView>,
}

/// A rating as the unit's staff and the evaluators see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffRatingRow {
    pub id: i64,
    pub tracking: String,
    pub unit_name: String,
    pub subject: String,
    pub level: RatingLevel,
    pub final_level: RatingLevel,
    pub comment: String,
    pub rated_on: String,
    pub removed: bool,
    pub rectification: Option<RectificationView>,
    /// (state, reason, decision note) of the unit's appeal, if any.
    pub appeal: Option<(String, String, String)>,
    pub appeal_id: Option<i64>,
}

/// The staff page: the member's units' ratings, and the appeals waiting for an evaluator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffRatings {
    pub rows: Vec<StaffRatingRow>,
    pub open_rectifications: i64,
    pub overdue_rectifications: i64,
    /// Evaluators decide appeals.
    pub can_decide: bool,
}

/// A published comment with the unit's reply; nothing that names the citizen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicComment {
    pub level: RatingLevel,
    pub comment: String,
    pub unit_name: String,
    pub rated_on: String,
    pub reply: String,
}

/// `/ratings`: the figures for a period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingsPage {
    pub from: String,
    pub to: String,
    pub counts: LevelCounts,
    pub units: Vec<Ranked>,
    pub matters: Vec<Ranked>,
    pub comments: Vec<PublicComment>,
    pub errors: Vec<(String, Msg)>,
}

/// A unit on the evaluators' dashboard: its 差评 and its rectifications past due.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitConcern {
    pub name: String,
    pub bad: i64,
    pub total: i64,
    pub overdue: i64,
}

/// The evaluators' dashboard: the last twelve months and the units that need attention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingDashboard {
    /// ("2026-11", counts), oldest first, every month present.
    pub months: Vec<(String, LevelCounts)>,
    /// Most 差评 first, then most overdue rectifications.
    pub concerns: Vec<UnitConcern>,
    /// The responsible officers over the same twelve months, best first.
    pub officers: Vec<Ranked>,
}
