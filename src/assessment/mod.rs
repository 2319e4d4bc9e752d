//! Performance assessment (绩效化管理). So far: the yearly 政府信息公开工作年度报告, generated from
//! live data for the county or one unit, with the applications table in the 2021 structure and
//! its balance check.

pub mod api;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;

use crate::apply::UnitOption;
use crate::domain::report::ApplicationTable;
use serde::{Deserialize, Serialize};

/// `/catalog/reports/{year}`: the report's generated parts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnualReport {
    pub year: i32,
    /// The unit reported on; `None` for the whole county.
    pub unit: Option<i64>,
    pub unit_name: String,
    pub units: Vec<UnitOption>,
    /// 二、主动公开: catalog entries first published in the year, and those revised.
    pub published: i64,
    pub revised: i64,
    /// 三: the applications table; the columns that fail 新收 + 上年结转 = 办结 + 结转下年度.
    pub table: ApplicationTable,
    pub unbalanced: Vec<usize>,
    /// The year is still running: the figures are so far.
    pub provisional: bool,
}
