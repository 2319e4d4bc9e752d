//! What a citizen files — an information request (依申请公开) or a service case (办事) — and the
//! rules its fields follow. The same checks run in the browser as the citizen types and on the
//! server, which has the last word.

use super::person::{IdCardNumber, PhoneNumber};
use super::unit::Uscc;
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};
use time::Date;


code_enum! {
    /// Who applies: a natural person, or one of the legal persons and other organisations that the
    /// yearly report counts separately.
    ApplicantType {
        Person = "person" => ApplicantPerson,
        Business = "business" => ApplicantBusiness,
        Research = "research" => ApplicantResearch,
        Charity = "charity" => ApplicantCharity,
        Legal = "legal" => ApplicantLegal,
        OtherOrg = "other" => ApplicantOtherOrg,
    }
}

code_enum! {
    /// The identity document an applicant gives.
    IdType {
        IdCard = "idcard" => IdTypeIdCard,
        Passport = "passport" => IdTypePassport,
        HkMacau = "hkmo" => IdTypeHkMacau,
        Taiwan = "tw" => IdTypeTaiwan,
        CreditCode = "uscc" => IdTypeCreditCode,
        Other = "other" => IdTypeOther,
    }
}

code_enum! {
    /// How the applicant wants the information.
    Delivery {
        Electronic = "online" => DeliveryOnline,
        Email = "email" => DeliveryEmail,
        Paper = "post" => DeliveryPost,
        Collect = "collect" => DeliveryCollect,
    }
}

code_enum! {
    /// The answer types of 条例 第36条.
    AnswerType {
        AlreadyPublic = "public" => AnswerAlreadyPublic,
        Disclosed = "disclosed" => AnswerDisclosed,
        PartlyDisclosed = "partly" => AnswerPartly,
        NotDisclosed = "withheld" => AnswerWithheld,
        NotExist = "none" => AnswerNotExist,
        NotOurDuty = "elsewhere" => AnswerElsewhere,
        Repeated = "repeated" => AnswerRepeated,
        SpecialLaw = "special" => AnswerSpecialLaw,
        Unreasonable = "unreasonable" => AnswerUnreasonable,
    }
}

code_enum! {
    /// Why information is withheld (条例 第14–16条).
    WithholdReason {
        StateSecret = "secret" => ReasonStateSecret,
        LawForbids = "law" => ReasonLawForbids,
        ThirdParty = "thirdparty" => ReasonThirdParty,
        Safety = "safety" => ReasonSafety,
        Internal = "internal" => ReasonInternal,
        Process = "process" => ReasonProcess,
        Enforcement = "enforcement" => ReasonEnforcement,
    }
}

code_enum! {
    /// Kinds of service matters (事项类型).
    MatterKind {
        License = "license" => MatterLicense,
        Levy = "levy" => MatterLevy,
        Benefit = "benefit" => MatterBenefit,
        Confirmation = "confirmation" => MatterConfirmation,
        Ruling = "ruling" => MatterRuling,
        Other = "other" => MatterOther,
        Convenience = "convenience" => MatterConvenience,
    }
}

code_enum! {
    /// Where a case stands. Information requests: received → (correction) → answered.
    /// Service cases: 申报 filed → 受理 accepted (or 不予受理 rejected) → 办理 processing → 办结 done.
    CaseStatus {
        Received = "received" => StatusReceived,
        Correction = "correction" => StatusCorrection,
        Consulting = "consulting" => StatusConsulting,
        Answered = "answered" => StatusAnswered,
        Filed = "filed" => StatusFiled,
        Accepted = "accepted" => StatusAccepted,
        Rejected = "rejected" => StatusRejected,
        Processing = "processing" => StatusProcessing,
        Done = "done" => StatusDone,
    }
}

code_enum! {
    /// The two kinds of case a citizen files.
    CaseKind {
        Info = "info" => CaseKindInfo,
        Service = "service" => CaseKindService,
    }
}

code_enum! {
    /// A step in a case's life, as stored in its timeline.
    Action {
        Received = "received" => ActReceived,
        Assign = "assign" => ActAssign,
        RequestCorrection = "correction" => ActRequestCorrection,
        Corrected = "corrected" => ActCorrected,
        Extend = "extend" => ActExtend,
        ConsultStart = "consult" => ActConsultStart,
        ConsultEnd = "consult_end" => ActConsultEnd,
        Answer = "answer" => ActAnswer,
        Accept = "accept" => ActAccept,
        Reject = "reject" => ActReject,
        Process = "process" => ActProcess,
        Complete = "complete" => ActComplete,
    }
}

/// Working days a unit has to accept or refuse a filed service case.
pub const ACCEPT_DAYS: u32 = 5;

impl Action {
    /// Where the action takes the case, or `None` when it is not open at this step. Assigning a
    /// responsible officer keeps the status.
    pub fn next(self, kind: CaseKind, status: CaseStatus) -> Option<CaseStatus> {
        use Action as A;
        use CaseStatus as S;
        match (kind, self, status) {
            (_, A::Assign, s) if !s.is_closed() => Some(s),
            (CaseKind::Info, A::RequestCorrection, S::Received) => Some(S::Correction),
            (CaseKind::Info, A::Corrected, S::Correction) => Some(S::Received),
            (CaseKind::Info, A::Extend, S::Received | S::Consulting) => Some(status),
            (CaseKind::Info, A::ConsultStart, S::Received) => Some(S::Consulting),
            (CaseKind::Info, A::ConsultEnd, S::Consulting) => Some(S::Received),
            (CaseKind::Info, A::Answer, S::Received) => Some(S::Answered),
            (CaseKind::Service, A::Accept, S::Filed) => Some(S::Accepted),
            (CaseKind::Service, A::Reject, S::Filed) => Some(S::Rejected),
            (CaseKind::Service, A::Process, S::Accepted) => Some(S::Processing),
            (CaseKind::Service, A::Complete, S::Accepted | S::Processing) => Some(S::Done),
            _ => None,
        }
    }

    /// The staff actions open at this step, in the order the page offers them.
    pub fn open_to_staff(kind: CaseKind, status: CaseStatus) -> Vec<Action> {
        use Action as A;
        [A::Assign, A::RequestCorrection, A::Extend, A::ConsultStart, A::ConsultEnd, A::Answer, A::Accept, A::Reject, A::Process, A::Complete]
            .into_iter()
            .filter(|a| a.next(kind, status).is_some())
            .collect()
    }

    /// Actions whose note is required (a reason, or the text the applicant receives).
    pub fn needs_note(self) -> bool {
        matches!(self, Action::RequestCorrection | Action::Extend | Action::Reject | Action::Corrected | Action::ConsultStart)
    }
}

impl CaseStatus {
    pub fn is_closed(self) -> bool {
        matches!(self, CaseStatus::Answered | CaseStatus::Rejected | CaseStatus::Done)
    }
}

impl AnswerType {
    /// Answers that must give a reason or a pointer in the letter.
    pub fn needs_reason(self) -> bool {
        matches!(
            self,
            AnswerType::AlreadyPublic | AnswerType::PartlyDisclosed | AnswerType::NotDisclosed | AnswerType::NotOurDuty
        )
    }

    /// Answers that must name the legal ground for withholding.
    pub fn needs_withhold_reason(self) -> bool {
        matches!(self, AnswerType::PartlyDisclosed | AnswerType::NotDisclosed)
    }
}

/// Limits on the free-text fields, in characters.
pub const MAX_NAME: usize = 50;
pub const MAX_ORG: usize = 100;
pub const MAX_ADDRESS: usize = 200;
pub const MAX_SUBJECT: usize = 200;
pub const MAX_DESCRIPTION: usize = 2000;
pub const MAX_PURPOSE: usize = 500;
pub const MAX_EMAIL: usize = 254;
pub const MAX_NOTE: usize = 2000;

/// The form as posted: every field a string, so that wrong types get a field message rather than
/// a refused request.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationInput {
    pub applicant_type: String,
    pub applicant_name: String,
    pub org_name: String,
    pub id_type: String,
    pub id_number: String,
    pub phone: String,
    pub email: String,
    pub address: String,
    pub unit_id: String,
    pub subject: String,
    pub description: String,
    pub purpose: String,
    pub delivery: String,
}

/// A checked application, ready to store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Application {
    pub applicant_type: ApplicantType,
    pub applicant_name: String,
    pub org_name: String,
    pub id_type: IdType,
    pub id_number: String,
    pub phone: PhoneNumber,
    pub email: String,
    pub address: String,
    pub unit_id: i64,
    pub subject: String,
    pub description: String,
    pub purpose: String,
    pub delivery: Delivery,
}

/// One refused field: the form field's name and the message shown next to it.
pub type FieldError = (&'static str, Msg);

/// Free text: trimmed, within `max` characters, no control characters (line breaks allowed when
/// `multiline`).
pub fn clean_text(raw: &str, max: usize, multiline: bool) -> Result<String, Msg> {
    let s = raw.trim().replace("\r\n", "\n");
    if s.chars().count() > max {
        return Err(Msg::TextTooLong);
    }
    if s.chars().any(|c| c.is_control() && !(multiline && (c == '\n' || c == '\t'))) {
        return Err(Msg::TextControlChars);
    }
    Ok(s)
}

pub fn required(raw: &str, max: usize, multiline: bool) -> Result<String, Msg> {
    let s = clean_text(raw, max, multiline)?;
    if s.is_empty() { Err(Msg::FieldRequired) } else { Ok(s) }
}

/// A name of a person: letters, the middle dot and spaces only.
pub(crate) fn person_name(raw: &str) -> Result<String, Msg> {
    let s = required(raw, MAX_NAME, false)?;
    if s.chars().any(|c| !(c.is_alphabetic() || matches!(c, '·' | '•' | ' ' | '.' | '-' | '\''))) {
        return Err(Msg::NameInvalid);
    }
    Ok(s)
}

pub(crate) fn email(raw: &str) -> Result<String, Msg> {
    let s = clean_text(raw, MAX_EMAIL, false)?;
    if s.is_empty() {
        return Ok(s);
    }
    let ok = s.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.')
    }) && !s.chars().any(|c| c.is_whitespace() || matches!(c, '<' | '>' | '"' | ','));
    if ok { Ok(s) } else { Err(Msg::EmailInvalid) }
}

fn id_number(id_type: Option<IdType>, raw: &str, today: Date) -> Result<String, Msg> {
    let s = required(raw, 40, false)?;
    match id_type {
        Some(IdType::IdCard) => IdCardNumber::parse(&s, today).map(|id| id.expose().to_owned()).map_err(|_| Msg::IdCardInvalid),
        Some(IdType::CreditCode) => Uscc::parse(&s).map(|c| c.as_str().to_owned()).map_err(|_| Msg::CreditCodeInvalid),
        _ if s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') => Ok(s.to_ascii_uppercase()),
        _ => Err(Msg::DocumentNumberInvalid),
    }
}

/// Checks one field on its own, as the browser does while the citizen types. `None`: no
/// objection (fields that depend on others are checked again by [`validate`]).
pub fn check_field(field: &str, value: &str, id_type: &str, today: Date) -> Option<Msg> {
    let r = match field {
        "applicant_name" => person_name(value).map(drop),
        "org_name" => clean_text(value, MAX_ORG, false).map(drop),
        "id_number" => id_number(IdType::parse(id_type), value, today).map(drop),
        "phone" => required(value, 30, false).and_then(|v| PhoneNumber::parse(&v).map(drop).ok_or(Msg::PhoneInvalid)),
        "email" => email(value).map(drop),
        "address" => clean_text(value, MAX_ADDRESS, false).map(drop),
        "subject" => required(value, MAX_SUBJECT, false).map(drop),
        "description" => clean_text(value, MAX_DESCRIPTION, true).map(drop),
        "purpose" => clean_text(value, MAX_PURPOSE, true).map(drop),
        _ => Ok(()),
    };
    r.err()
}

/// Checks the whole form. `needs_unit`: an information request names its unit; a service case
/// takes it from the matter.
pub fn validate(input: &ApplicationInput, needs_unit: bool, today: Date) -> Result<Application, Vec<FieldError>> {
    let mut errors: Vec<FieldError> = Vec::new();
    let mut take = |field: &'static str, r: Result<String, Msg>| match r {
        Ok(v) => v,
        Err(m) => {
            errors.push((field, m));
            String::new()
        }
    };
    let applicant_type = ApplicantType::parse(&input.applicant_type);
    let id_type = IdType::parse(&input.id_type);
    let applicant_name = take("applicant_name", person_name(&input.applicant_name));
    let org_name = match applicant_type {
        Some(ApplicantType::Person) | None => take("org_name", clean_text(&input.org_name, MAX_ORG, false)),
        Some(_) => take("org_name", required(&input.org_name, MAX_ORG, false)),
    };
    let id_number = take("id_number", id_number(id_type, &input.id_number, today));
    let phone_raw = take("phone", required(&input.phone, 30, false));
    let phone = PhoneNumber::parse(&phone_raw);
    let email = take("email", email(&input.email));
    let address = take("address", clean_text(&input.address, MAX_ADDRESS, false));
    let subject = take("subject", required(&input.subject, MAX_SUBJECT, false));
    let description = take("description", clean_text(&input.description, MAX_DESCRIPTION, true));
    let purpose = take("purpose", clean_text(&input.purpose, MAX_PURPOSE, true));
    let delivery = Delivery::parse(&input.delivery);
    let unit_id = input.unit_id.trim().parse::<i64>().ok().filter(|id| *id > 0);

    if applicant_type.is_none() {
        errors.push(("applicant_type", Msg::ChooseOne));
    }
    if id_type.is_none() {
        errors.push(("id_type", Msg::ChooseOne));
    }
    // An organisation identifies itself by its credit code, a person by a personal document.
    match (applicant_type, id_type) {
        (Some(ApplicantType::Person), Some(IdType::CreditCode)) => errors.push(("id_type", Msg::IdTypeForPerson)),
        (Some(t), Some(it)) if t != ApplicantType::Person && it != IdType::CreditCode && it != IdType::Other => {
            errors.push(("id_type", Msg::IdTypeForOrg))
        }
        _ => {}
    }
    if phone.is_none() && !phone_raw.is_empty() {
        errors.push(("phone", Msg::PhoneInvalid));
    }
    match delivery {
        None => errors.push(("delivery", Msg::ChooseOne)),
        Some(Delivery::Email) if email.is_empty() && !errors.iter().any(|e| e.0 == "email") => {
            errors.push(("email", Msg::EmailNeededForDelivery))
        }
        Some(Delivery::Paper) if address.is_empty() && !errors.iter().any(|e| e.0 == "address") => {
            errors.push(("address", Msg::AddressNeededForDelivery))
        }
        _ => {}
    }
    if needs_unit && unit_id.is_none() {
        errors.push(("unit_id", Msg::ChooseUnit));
    }
    match (applicant_type, id_type, phone, delivery, errors.is_empty()) {
        (Some(applicant_type), Some(id_type), Some(phone), Some(delivery), true) => Ok(Application {
            applicant_type,
            applicant_name,
            org_name,
            id_type,
            id_number,
            phone,
            email,
            address,
            unit_id: unit_id.unwrap_or(0),
            subject,
            description,
            purpose,
            delivery,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 22);

    fn good() -> ApplicationInput {
        ApplicationInput {
            applicant_type: "person".into(),
            applicant_name: "张三".into(),
            id_type: "idcard".into(),
            id_number: "11010519491231002x".into(),
            phone: "138 1234 5678".into(),
            unit_id: "3".into(),
            subject: "2025 年度县级预算执行情况".into(),
            delivery: "online".into(),
            ..Default::default()
        }
    }

    fn fields(input: &ApplicationInput) -> Vec<&'static str> {
        validate(input, true, TODAY).err().unwrap_or_default().into_iter().map(|e| e.0).collect()
    }

    #[test]
    fn a_complete_request_is_normalised() {
        let app = validate(&good(), true, TODAY).unwrap();
        assert_eq!(app.id_number, "11010519491231002X");
        assert_eq!(app.phone.as_str(), "13812345678");
        assert_eq!(app.unit_id, 3);
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let input = ApplicationInput {
            applicant_type: "robot".into(),
            applicant_name: "<script>".into(),
            id_number: "110105194912310021".into(),
            phone: "12345".into(),
            subject: " ".into(),
            delivery: "".into(),
            unit_id: "abc".into(),
            ..good()
        };
        let f = fields(&input);
        for want in ["applicant_type", "applicant_name", "id_number", "phone", "subject", "delivery", "unit_id"] {
            assert!(f.contains(&want), "{want} missing from {f:?}");
        }
    }

    #[test]
    fn delivery_by_email_or_post_needs_the_address() {
        assert_eq!(fields(&ApplicationInput { delivery: "email".into(), ..good() }), ["email"]);
        assert_eq!(fields(&ApplicationInput { delivery: "post".into(), ..good() }), ["address"]);
        assert_eq!(fields(&ApplicationInput { delivery: "email".into(), email: "a@b".into(), ..good() }), ["email"]);
        assert!(fields(&ApplicationInput { delivery: "email".into(), email: "zhang@example.cn".into(), ..good() }).is_empty());
    }

    #[test]
    fn organisations_give_their_name_and_credit_code() {
        let org = ApplicationInput { applicant_type: "business".into(), ..good() };
        assert_eq!(fields(&org), ["org_name", "id_type"]);
        let org = ApplicationInput {
            org_name: "青山县某某有限公司".into(),
            id_type: "uscc".into(),
            id_number: "91350100M000100Y43".into(),
            ..org
        };
        assert!(fields(&org).is_empty(), "{:?}", fields(&org));
    }

    #[test]
    fn control_characters_and_oversized_text_are_refused() {
        assert_eq!(check_field("subject", "a\u{0}b", "", TODAY), Some(Msg::TextControlChars));
        assert_eq!(check_field("subject", &"政".repeat(MAX_SUBJECT + 1), "", TODAY), Some(Msg::TextTooLong));
        assert_eq!(check_field("description", "第一行\n第二行", "", TODAY), None);
        assert_eq!(check_field("applicant_name", "欧阳·娜娜", "", TODAY), None);
    }

    #[test]
    fn codes_round_trip() {
        for t in AnswerType::ALL {
            assert_eq!(AnswerType::parse(t.as_str()), Some(*t));
        }
        for s in CaseStatus::ALL {
            assert_eq!(CaseStatus::parse(s.as_str()), Some(*s));
        }
    }
}
