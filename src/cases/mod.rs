//! Cases citizens file (information requests and service cases): their timeline, deadline and
//! the officer's actions. The citizen's side of filing is in `apply`, the public lookup in `lookup`.

pub mod api;
#[cfg(feature = "ssr")]
pub mod files;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod store;

use crate::domain::application::{Action, AnswerType, ApplicantType, CaseKind, CaseStatus, Delivery, IdType, WithholdReason};
use crate::domain::{Deadline, Urgency};
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

/// One step in a case's timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub action: Action,
    pub on_date: String,
    pub days: Option<i64>,
    pub code: String,
    pub note: String,
    /// The staff member who acted (the applicant's own steps have none).
    pub by: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileView {
    pub id: i64,
    pub name: String,
    pub size: i64,
    pub from_staff: bool,
}

/// The answer to an information request, as the letter states it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerView {
    pub answer_type: AnswerType,
    pub reason: Option<WithholdReason>,
    pub note: String,
    pub on_date: String,
}

/// A case as its page shows it. Personal data is masked unless `personal_visible` (staff of the
/// receiving unit).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseView {
    pub id: i64,
    pub kind: CaseKind,
    /// Shown form, `XXXX-XXXX-XX`.
    pub tracking: String,
    pub status: CaseStatus,
    pub unit_id: i64,
    pub unit_name: String,
    pub matter_name: Option<String>,
    pub matter_limit_days: Option<i64>,
    pub subject: String,
    pub description: String,
    pub purpose: String,
    pub applicant_type: ApplicantType,
    pub applicant_name: String,
    pub org_name: String,
    pub id_type: IdType,
    pub id_number: String,
    pub phone: String,
    pub email: String,
    pub address: String,
    pub delivery: Delivery,
    pub personal_visible: bool,
    pub filed_on: String,
    pub due_on: Option<String>,
    pub closed_on: Option<String>,
    /// The statutory deadline with its reasoning (information requests).
    pub deadline: Option<Deadline>,
    pub urgency: Option<Urgency>,
    pub assignee: Option<String>,
    pub timeline: Vec<TimelineEntry>,
    pub answer: Option<AnswerView>,
    pub files: Vec<FileView>,
    /// What the viewer may do next (staff: actions; the applicant: a correction).
    pub open_actions: Vec<Action>,
    /// Staff of the receiving unit, for assigning a responsible officer.
    pub unit_staff: Vec<(i64, String)>,
    /// The officer's action forms: their token, and a refused action posted without JavaScript
    /// with what was typed and why it was refused.
    pub act_token: String,
    pub act_draft: Option<(ActDraft, Vec<(String, Msg)>)>,
    /// The citizen's rating once the case is finished (一事一评).
    pub rating: Option<crate::ratings::CaseRating>,
}

/// An officer's action form as posted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActDraft {
    pub action: String,
    pub note: String,
    pub days: String,
    pub answer_type: String,
    pub reason: String,
    pub assignee: String,
}

/// A row of the officers' queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueRow {
    pub id: i64,
    pub kind: CaseKind,
    pub tracking: String,
    pub status: CaseStatus,
    pub unit_name: String,
    pub subject: String,
    pub applicant_name: String,
    pub filed_on: String,
    pub due_on: Option<String>,
    pub urgency: Option<Urgency>,
    pub assignee: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueCounts {
    pub open: i64,
    pub yellow: i64,
    pub red: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Queue {
    pub rows: Vec<QueueRow>,
    pub counts: QueueCounts,
    pub all_units: bool,
}

/// Largest attachment accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
/// Attachments per case.
pub const MAX_FILES_PER_CASE: i64 = 10;

/// The file types accepted, recognised by their first bytes (never by the name or the declared
/// type): PDF, PNG and JPEG.
pub fn sniff_mime(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a]) {
        Some("image/png")
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Some("image/jpeg")
    } else {
        None
    }
}

/// A file name safe to store and to send back: the last path part, no control or quoting
/// characters, at most 100 characters.
pub fn clean_file_name(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base.chars().filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | ';')).take(100).collect();
    if cleaned.trim().is_empty() { "file".into() } else { cleaned.trim().to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_recognised_by_their_content() {
        assert_eq!(sniff_mime(b"%PDF-1.7\n"), Some("application/pdf"));
        assert_eq!(sniff_mime(b"<html><script>"), None);
        assert_eq!(sniff_mime(b"MZ\x90\x00"), None);
    }

    #[test]
    fn file_names_lose_paths_and_quotes() {
        assert_eq!(clean_file_name("C:\\Users\\a\\身份证.pdf"), "身份证.pdf");
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name("a\"b\r\n.pdf"), "ab.pdf");
        assert_eq!(clean_file_name(""), "file");
    }
}
