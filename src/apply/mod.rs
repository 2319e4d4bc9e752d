//! Filing online: information requests (依申请公开) and service cases for the catalogue of matters
//! (事项), with a receipt that carries the tracking number, the query code and a QR code.

pub mod api;
#[cfg(feature = "ssr")]
pub mod files;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;

use crate::domain::application::{ApplicationInput, MatterKind};
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

/// A unit to address a request to; `depth` 1 for a sub-unit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitOption {
    pub id: i64,
    pub name: String,
    pub depth: u8,
    pub kind: crate::domain::UnitKind,
}

/// Everything an application form needs: a fresh token (also its idempotency key), the units,
/// and — after a refused post without JavaScript — the typed values and their errors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplyForm {
    pub token: String,
    pub units: Vec<UnitOption>,
    pub values: ApplicationInput,
    pub errors: Vec<(String, Msg)>,
    /// Today in ISO form, for the browser's identity-number checks.
    pub today: String,
    /// Files attached so far; they become the case's when the form is filed.
    pub files: Vec<crate::cases::FileView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatterView {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub kind: MatterKind,
    pub unit_id: i64,
    pub unit_name: String,
    pub limit_days: i64,
    pub materials: Vec<String>,
    pub fees: String,
    pub online: bool,
}

/// A unit with the number of its matters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatterUnit {
    pub id: i64,
    pub name: String,
    pub matters: i64,
    pub online: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatterList {
    pub units: Vec<MatterUnit>,
    pub unit: Option<i64>,
    pub query: String,
    pub matters: Vec<MatterView>,
    pub total: i64,
    pub online_total: i64,
}

/// What the receipt prints.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptView {
    pub tracking: String,
    /// Shown only in the browser that filed the case.
    pub query_code: Option<String>,
    pub kind: crate::domain::application::CaseKind,
    pub unit_name: String,
    pub matter_name: Option<String>,
    pub subject: String,
    pub applicant_name: String,
    pub filed_on: String,
    pub due_on: Option<String>,
    pub deadline: Option<crate::domain::Deadline>,
    pub lookup_url: String,
    /// The lookup link as an SVG QR code (made on the server).
    pub qr_svg: String,
}
