//! Publishing units (发布机构) and their unified social credit codes.

use serde::{Deserialize, Serialize};

/// The three kinds of unit that publish in a county's catalog (seed 001).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum UnitKind {
    /// 县政府部门
    Department,
    /// 乡镇（街道）
    Township,
    /// 公共企事业单位
    Enterprise,
}

impl UnitKind {
    pub const ALL: [UnitKind; 3] = [UnitKind::Department, UnitKind::Township, UnitKind::Enterprise];

    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Department => "department",
            UnitKind::Township => "township",
            UnitKind::Enterprise => "enterprise",
        }
    }

    pub fn parse(s: &str) -> Option<UnitKind> {
        UnitKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters whose last one is a
/// check character. Used as the unit part of catalog index numbers.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Uscc(String);

/// The 31 characters a code may use (no I, O, S, V, Z).
const USCC_CHARS: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UsccError {
    #[error("a unified social credit code has 18 characters")]
    Length,
    #[error("character not allowed in a unified social credit code")]
    Character,
    #[error("check character does not match")]
    Check,
}

impl Uscc {
    pub fn parse(raw: &str) -> Result<Uscc, UsccError> {
        let s = raw.trim().to_ascii_uppercase();
        if s.len() != 18 {
            return Err(UsccError::Length);
        }
        let values: Vec<u32> = s.bytes().map(uscc_value).collect::<Option<_>>().ok_or(UsccError::Character)?;
        let expected = uscc_check(&values[..17]);
        if values[17] != expected {
            return Err(UsccError::Check);
        }
        Ok(Uscc(s))
    }

    /// Builds a code from its parts: registration authority and kind (e.g. `11` for a government
    /// organ, `12` for a public institution, `91` for an enterprise), the 6-digit administrative
    /// division, and an 8-digit organisation number. Both check characters are computed.
    pub fn compose(authority_kind: &str, division: &str, org: &str) -> Result<Uscc, UsccError> {
        if authority_kind.len() != 2 || division.len() != 6 || org.len() != 8 || !org.bytes().all(|b| b.is_ascii_digit()) {
            return Err(UsccError::Length);
        }
        let org_sum: u32 = org.bytes().zip(ORG_WEIGHTS).map(|(b, w)| u32::from(b - b'0') * w).sum();
        let org_check = match 11 - org_sum % 11 {
            10 => 'X',
            11 => '0',
            n => char::from_digit(n, 10).ok_or(UsccError::Check)?,
        };
        let body = format!("{authority_kind}{division}{org}{org_check}");
        let values: Vec<u32> = body.bytes().map(uscc_value).collect::<Option<_>>().ok_or(UsccError::Character)?;
        let check = USCC_CHARS[uscc_check(&values) as usize] as char;
        Uscc::parse(&format!("{body}{check}"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Uscc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn uscc_value(b: u8) -> Option<u32> {
    USCC_CHARS.iter().position(|&c| c == b).map(|p| p as u32)
}

fn uscc_check(values: &[u32]) -> u32 {
    let sum: u32 = values.iter().zip(USCC_WEIGHTS).map(|(v, w)| v * w).sum();
    (31 - sum % 31) % 31
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_code_from_a_live_portal_is_valid() {
        // The unit part of the index number quoted in DOMAIN.md.
        assert!(Uscc::parse("11341702486344515H").is_ok());
        assert_eq!(Uscc::parse("11341702486344515J"), Err(UsccError::Check));
    }

    #[test]
    fn parse_rejects_wrong_length_and_characters() {
        assert_eq!(Uscc::parse("1134170248634451"), Err(UsccError::Length));
        assert_eq!(Uscc::parse("11341702486344515I"), Err(UsccError::Character));
    }

    #[test]
    fn compose_yields_codes_that_parse() {
        for org in ["00000000", "48634451", "12345678", "99999999"] {
            let code = Uscc::compose("11", "341702", org).unwrap();
            assert_eq!(Uscc::parse(code.as_str()).unwrap(), code);
        }
        assert_eq!(Uscc::compose("11", "341702", "48634451").unwrap().as_str(), "11341702486344515H");
    }

    #[test]
    fn kinds_round_trip() {
        for k in UnitKind::ALL {
            assert_eq!(UnitKind::parse(k.as_str()), Some(k));
        }
    }
}
