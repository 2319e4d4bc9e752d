//! Mayor's hotline 12345 and the leaders' mailboxes (市长热线 / 领导信箱): citizens write letters,
//! the hotline desk triages and routes them (交办) to units, units answer within the working-day
//! limits, the supervision sweep reminds (催办) and escalates (督办), the writer rates the answer,
//! and letters the writer allowed to be published are listed with their replies. Letters are
//! followed on `/lookup` like cases.

pub mod api;
#[cfg(feature = "ssr")]
pub mod files;
#[cfg(feature = "ssr")]
pub mod open311;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;

use crate::apply::UnitOption;
use crate::domain::letter::{LetterInput, LetterStats, LetterStatus, LetterStep, LetterType, Month, Satisfaction};
use crate::domain::Urgency;
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

/// The writing form: a fresh token (also the idempotency key), the units for the addressee
/// list, and after a refused post without JavaScript the typed values with their errors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterForm {
    pub token: String,
    pub units: Vec<UnitOption>,
    pub values: LetterInput,
    pub errors: Vec<(String, Msg)>,
    /// Files attached so far (kept under the token until the letter is filed).
    pub files: Vec<crate::cases::FileView>,
}

/// What the writer takes away: 受理编号 and 查询密码 (only in the browser that wrote it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterReceipt {
    pub tracking: String,
    pub query_code: String,
    pub lookup_url: String,
    pub qr_svg: String,
    pub letter_type: LetterType,
    pub addressee: String,
    pub subject: String,
    pub filed_on: String,
    pub due_on: String,
    pub public_ok: bool,
}

/// One step of a letter's timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterEvent {
    pub step: LetterStep,
    pub on_date: String,
    pub unit: Option<String>,
    pub note: String,
    pub by: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RouteStatus {
    Open,
    Answered,
    Returned,
}

impl RouteStatus {
    pub fn parse(s: &str) -> RouteStatus {
        match s {
            "answered" => RouteStatus::Answered,
            "returned" => RouteStatus::Returned,
            _ => RouteStatus::Open,
        }
    }

    pub fn msg(self) -> Msg {
        match self {
            RouteStatus::Open => Msg::RouteOpen,
            RouteStatus::Answered => Msg::RouteAnswered,
            RouteStatus::Returned => Msg::RouteReturned,
        }
    }
}

/// One unit's part of a letter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteView {
    pub id: i64,
    pub unit_id: i64,
    pub unit_name: String,
    pub status: RouteStatus,
    pub routed_on: String,
    pub due_on: String,
    pub reply: String,
    pub replied_on: Option<String>,
    /// Working days the unit asked for and the desk has not yet decided.
    pub extension_days: i64,
    pub urgency: Option<Urgency>,
    /// The viewer may answer for this unit.
    pub mine: bool,
}

/// A letter as its page shows it: to the writer on `/lookup` (contact details masked) or to staff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterView {
    pub id: i64,
    pub tracking: String,
    pub letter_type: LetterType,
    pub urgent: bool,
    pub addressee: String,
    pub subject: String,
    pub content: String,
    pub location: String,
    pub writer_name: String,
    pub phone: String,
    pub email: String,
    pub public_ok: bool,
    pub public_subject: String,
    pub public_content: String,
    pub status: LetterStatus,
    pub satisfaction: Option<Satisfaction>,
    /// The writer may still send the letter back once as unsatisfied.
    pub can_reopen: bool,
    pub merged_into: Option<String>,
    pub filed_on: String,
    pub due_on: String,
    pub answered_on: Option<String>,
    pub urgency: Option<Urgency>,
    pub routes: Vec<RouteView>,
    pub timeline: Vec<LetterEvent>,
    /// Staff only: the files the writer attached.
    pub files: Vec<crate::cases::FileView>,
    /// Staff only: the viewer works the hotline desk.
    pub desk: bool,
    /// Staff only: a form token for the actions.
    pub act_token: String,
    /// The desk only: the units a letter can be routed to.
    pub route_units: Vec<UnitOption>,
}

/// A row of the staff queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterRow {
    pub id: i64,
    pub tracking: String,
    pub letter_type: LetterType,
    pub urgent: bool,
    pub subject: String,
    pub status: LetterStatus,
    pub units: String,
    pub filed_on: String,
    pub due_on: String,
    pub urgency: Option<Urgency>,
    /// Unanswered for more than three months: the inspection's veto line.
    pub alarm: bool,
}

/// The staff queue: the desk sees every letter, a unit the letters routed to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterQueue {
    pub desk: bool,
    pub rows: Vec<LetterRow>,
    pub waiting: i64,
    pub yellow: i64,
    pub red: i64,
    /// Valid letters unanswered for more than three months (the whole site).
    pub alarms: Vec<LetterRow>,
}

/// A published letter with its replies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicLetter {
    pub id: i64,
    pub letter_type: LetterType,
    pub subject: String,
    pub content: String,
    pub filed_on: String,
    pub answered_on: String,
    pub replies: Vec<(String, String, String)>,
    pub satisfaction: Option<Satisfaction>,
}

/// The public list, one page of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicLetters {
    pub letters: Vec<PublicLetter>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
    pub q: String,
    pub letter_type: Option<LetterType>,
    pub unit: Option<i64>,
    pub units: Vec<(i64, String)>,
}

/// The public monthly statistics.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatsPage {
    pub month: Month,
    pub current: Month,
    pub stats: LetterStats,
}

/// Letters shown per page of the public list.
pub const PAGE_SIZE: i64 = 20;
