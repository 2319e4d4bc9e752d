//! The applications table of the yearly 政府信息公开工作年度报告 (section 三, in the structure
//! prescribed in 2021): columns by applicant type, rows for the applications received and carried
//! in, each outcome, the total handled and those carried over; and its balance check
//! 新收 + 上年结转 = 办结 + 结转下年度, column by column.

use super::application::{AnswerType, ApplicantType, WithholdReason};
use serde::{Deserialize, Serialize};
use time::Date;

/// One information request as the report counts it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportCase {
    pub applicant: ApplicantType,
    pub filed_on: Date,
    /// The day it was answered (办结), if it was.
    pub closed_on: Option<Date>,
    /// The answer's code as recorded (`disclosed`, `withheld:secret` …).
    pub outcome: Option<String>,
}

/// The table's rows, in the prescribed order. The labels are the form's own words.
pub const ROWS: [(&str, &str); 28] = [
    ("new", "一、本年新收政府信息公开申请数量"),
    ("carried_in", "二、上年结转政府信息公开申请数量"),
    ("disclosed", "三、本年度办理结果 （一）予以公开"),
    ("partly", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("withheld:secret", "（三）不予公开 1.属于国家秘密"),
    ("withheld:law", "2.其他法律行政法规禁止公开"),
    ("withheld:safety", "3.危及“三安全一稳定”"),
    ("withheld:thirdparty", "4.保护第三方合法权益"),
    ("withheld:internal", "5.属于三类内部事务信息"),
    ("withheld:process", "6.属于四类过程性信息"),
    ("withheld:enforcement", "7.属于行政执法案卷"),
    ("withheld:query", "8.属于行政查询事项"),
    ("none:not_held", "（四）无法提供 1.本机关不掌握相关政府信息"),
    ("none:not_made", "2.没有现成信息需要另行制作"),
    ("none:unclear", "3.补正后申请内容仍不明确"),
    ("refused:petition", "（五）不予处理 1.信访举报投诉类申请"),
    ("refused:repeated", "2.重复申请"),
    ("refused:publication", "3.要求提供公开出版物"),
    ("refused:unreasonable", "4.无正当理由大量反复申请"),
    ("refused:confirm", "5.要求行政机关确认或重新出具已获取信息"),
    ("other:no_correction", "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other:no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other:other", "3.其他"),
    ("total", "（七）总计"),
    ("carried_out", "四、结转下年度继续办理"),
    // Not rows of the form: the parts (三)–(六) add up, kept for the check.
    ("withheld", "（三）不予公开 小计"),
    ("none", "（四）无法提供 小计"),
    ("refused", "（五）不予处理 小计"),
];

/// The columns: 自然人; 法人或其他组织 — 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他; 总计.
pub const COLUMNS: [&str; 7] = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];

/// The applications table: one row of seven counts per entry of [`ROWS`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationTable {
    pub year: i32,
    pub rows: Vec<(String, [i64; 7])>,
}

impl ApplicationTable {
    pub fn row(&self, key: &str) -> [i64; 7] {
        self.rows.iter().find(|r| r.0 == key).map(|r| r.1).unwrap_or([0; 7])
    }

    /// The columns (by index into [`COLUMNS`]) where 新收 + 上年结转 ≠ 总计 + 结转下年度.
    pub fn unbalanced(&self) -> Vec<usize> {
        let (new, carried_in, total, carried_out) = (self.row("new"), self.row("carried_in"), self.row("total"), self.row("carried_out"));
        (0..7).filter(|&c| new[c] + carried_in[c] != total[c] + carried_out[c]).collect()
    }
}

fn column(a: ApplicantType) -> usize {
    match a {
        ApplicantType::Person => 0,
        ApplicantType::Business => 1,
        ApplicantType::Research => 2,
        ApplicantType::Charity => 3,
        ApplicantType::Legal => 4,
        ApplicantType::OtherOrg => 5,
    }
}

/// The row an answer code is counted in; `None` for a code the form has no row for (which
/// then shows as an imbalance rather than being counted somewhere wrong).
pub fn outcome_row(code: &str) -> Option<&'static str> {
    let (kind, reason) = code.split_once(':').map_or((code, None), |(k, r)| (k, Some(r)));
    let t = AnswerType::parse(kind)?;
    Some(match t {
        // Information already published proactively is given to the applicant: 予以公开.
        AnswerType::AlreadyPublic | AnswerType::Disclosed => "disclosed",
        AnswerType::PartlyDisclosed => "partly",
        AnswerType::NotDisclosed => match WithholdReason::parse(reason?)? {
            WithholdReason::StateSecret => "withheld:secret",
            WithholdReason::LawForbids => "withheld:law",
            WithholdReason::Safety => "withheld:safety",
            WithholdReason::ThirdParty => "withheld:thirdparty",
            WithholdReason::Internal => "withheld:internal",
            WithholdReason::Process => "withheld:process",
            WithholdReason::Enforcement => "withheld:enforcement",
        },
        AnswerType::NotExist | AnswerType::NotOurDuty => "none:not_held",
        AnswerType::Repeated => "refused:repeated",
        AnswerType::Unreasonable => "refused:unreasonable",
        // Another law sets the procedure (e.g. archives, registers): 其他处理.
        AnswerType::SpecialLaw => "other:other",
    })
}

/// Counts the year's table from every request filed up to its end and not answered before its
/// start.
pub fn application_table(year: i32, cases: &[ReportCase]) -> ApplicationTable {
    let mut rows: Vec<(String, [i64; 7])> = ROWS.iter().map(|(k, _)| ((*k).to_owned(), [0; 7])).collect();
    let mut add = |key: &str, col: usize| {
        if let Some(r) = rows.iter_mut().find(|r| r.0 == key) {
            r.1[col] += 1;
            r.1[6] += 1;
        }
    };
    for c in cases {
        let col = column(c.applicant);
        if c.filed_on.year() > year || c.closed_on.is_some_and(|d| d.year() < year) {
            continue;
        }
        if c.filed_on.year() == year {
            add("new", col);
        } else {
            add("carried_in", col);
        }
        match c.closed_on {
            Some(d) if d.year() == year => {
                if let Some(row) = c.outcome.as_deref().and_then(outcome_row) {
                    add(row, col);
                    if let Some((part, _)) = row.split_once(':').filter(|(p, _)| matches!(*p, "withheld" | "none" | "refused")) {
                        add(part, col);
                    }
                    add("total", col);
                }
            }
            _ => add("carried_out", col),
        }
    }
    ApplicationTable { year, rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn case(applicant: ApplicantType, filed_on: Date, closed: Option<(Date, &str)>) -> ReportCase {
        ReportCase { applicant, filed_on, closed_on: closed.map(|c| c.0), outcome: closed.map(|c| c.1.to_owned()) }
    }

    /// A year of requests, counted by hand below.
    fn fixture() -> Vec<ReportCase> {
        use ApplicantType::*;
        vec![
            // Filed and answered last year: not in this year's table at all.
            case(Person, date!(2025 - 03 - 02), Some((date!(2025 - 03 - 20), "disclosed"))),
            // Carried in from last year, answered this year.
            case(Person, date!(2025 - 12 - 20), Some((date!(2026 - 01 - 10), "partly"))),
            case(Business, date!(2025 - 12 - 28), Some((date!(2026 - 01 - 15), "withheld:thirdparty"))),
            // Carried in and still open at the end of the year.
            case(Legal, date!(2025 - 12 - 30), None),
            // New this year.
            case(Person, date!(2026 - 02 - 01), Some((date!(2026 - 02 - 10), "disclosed"))),
            case(Person, date!(2026 - 03 - 01), Some((date!(2026 - 03 - 05), "public"))),
            case(Person, date!(2026 - 04 - 01), Some((date!(2026 - 04 - 20), "none"))),
            case(Person, date!(2026 - 05 - 01), Some((date!(2026 - 05 - 02), "repeated"))),
            case(Research, date!(2026 - 06 - 01), Some((date!(2026 - 06 - 25), "withheld:process"))),
            case(Charity, date!(2026 - 07 - 01), Some((date!(2026 - 07 - 03), "elsewhere"))),
            case(OtherOrg, date!(2026 - 08 - 01), Some((date!(2026 - 08 - 30), "special"))),
            // New this year, answered next year or not yet: carried over.
            case(Person, date!(2026 - 12 - 20), Some((date!(2027 - 01 - 05), "disclosed"))),
            case(Business, date!(2026 - 12 - 29), None),
            // Filed next year: not counted.
            case(Person, date!(2027 - 01 - 02), None),
        ]
    }

    #[test]
    fn every_number_of_the_table_matches_the_hand_count() {
        let t = application_table(2026, &fixture());
        //                                  自然人 商业 科研 公益 法律 其他 总计
        assert_eq!(t.row("new"), [5, 1, 1, 1, 0, 1, 9]);
        assert_eq!(t.row("carried_in"), [1, 1, 0, 0, 1, 0, 3]);
        assert_eq!(t.row("disclosed"), [2, 0, 0, 0, 0, 0, 2]);
        assert_eq!(t.row("partly"), [1, 0, 0, 0, 0, 0, 1]);
        assert_eq!(t.row("withheld:thirdparty"), [0, 1, 0, 0, 0, 0, 1]);
        assert_eq!(t.row("withheld:process"), [0, 0, 1, 0, 0, 0, 1]);
        assert_eq!(t.row("withheld"), [0, 1, 1, 0, 0, 0, 2]);
        assert_eq!(t.row("withheld:secret"), [0; 7]);
        assert_eq!(t.row("none:not_held"), [1, 0, 0, 1, 0, 0, 2]);
        assert_eq!(t.row("refused:repeated"), [1, 0, 0, 0, 0, 0, 1]);
        assert_eq!(t.row("other:other"), [0, 0, 0, 0, 0, 1, 1]);
        assert_eq!(t.row("total"), [5, 1, 1, 1, 0, 1, 9]);
        assert_eq!(t.row("carried_out"), [1, 1, 0, 0, 1, 0, 3]);
        assert!(t.unbalanced().is_empty());
    }

    #[test]
    fn an_answer_the_form_cannot_place_breaks_the_balance_in_its_column() {
        let mut cases = fixture();
        cases.push(case(ApplicantType::Legal, date!(2026 - 09 - 01), Some((date!(2026 - 09 - 09), "withheld"))));
        cases.push(case(ApplicantType::Charity, date!(2026 - 10 - 01), Some((date!(2026 - 10 - 02), "lost"))));
        let t = application_table(2026, &cases);
        assert_eq!(t.unbalanced(), vec![3, 4, 6], "社会公益组织, 法律服务机构 and 总计");
    }

    #[test]
    fn every_answer_type_has_a_row() {
        for t in AnswerType::ALL {
            let code = if t.needs_withhold_reason() { format!("{}:secret", t.as_str()) } else { t.as_str().to_owned() };
            assert!(outcome_row(&code).is_some(), "{code}");
        }
        for r in WithholdReason::ALL {
            assert!(outcome_row(&format!("withheld:{}", r.as_str())).is_some());
        }
    }
}
