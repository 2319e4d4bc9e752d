//! Counter evaluation (窗口评价): an evaluator opens a rating campaign for a service window or a
//! matter and prints slips with visit codes; a citizen scans the slip's QR code (or opens the
//! short link `/r/{slug}` and types the code) and rates the visit once. Window ratings count in
//! `/ratings` for the unit and the matter like case ratings.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;

use crate::domain::rating::{CampaignInput, LevelCounts, RatingInput};
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

/// A campaign with its figures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignRow {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub unit_name: String,
    pub matter_name: String,
    pub place: String,
    pub open: bool,
    /// Visit codes made, and how many of them rated.
    pub visits: i64,
    pub counts: LevelCounts,
}

/// `/admin/ratings/campaigns`: the campaigns and the form for a new one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignList {
    pub rows: Vec<CampaignRow>,
    pub units: Vec<(i64, String)>,
    /// (id, unit, name)
    pub matters: Vec<(i64, i64, String)>,
    pub token: String,
    pub values: CampaignInput,
    pub errors: Vec<(String, Msg)>,
}

/// `/admin/ratings/campaigns/{id}`: the campaign, its short link and QR code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignDetail {
    pub row: CampaignRow,
    pub link: String,
    pub qr: String,
    /// Visit codes not rated yet.
    pub unused: i64,
}

/// One printed slip: the code, and the QR code that opens the form with it filled in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slip {
    pub code: String,
    pub qr: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlipSheet {
    pub row: CampaignRow,
    pub link: String,
    pub slips: Vec<Slip>,
}

/// `/r/{slug}`: what the citizen sees, with the form's token and — after a refusal without
/// JavaScript — what was chosen and why it was refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WindowForm {
    pub slug: String,
    pub title: String,
    pub unit_name: String,
    pub matter_name: String,
    pub place: String,
    pub open: bool,
    pub token: String,
    pub visit: String,
    pub values: RatingInput,
    pub errors: Vec<(String, Msg)>,
}
