//! Personal data typed by applicants: identity card numbers (GB 11643-1999), phone numbers, and
//! how each is masked wherever it is shown to anyone but the receiving unit.

use serde::{Deserialize, Serialize};
use time::Date;

/// A resident identity card number (居民身份证号码): 17 digits and a check character.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdCardNumber(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IdCardError {
    #[error("an identity card number has 18 characters")]
    Length,
    #[error("only digits, and X last")]
    Character,
    #[error("the birth date in the number is not a real date")]
    BirthDate,
    #[error("check digit does not match")]
    Check,
}

const ID_WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK: &[u8; 11] = b"10X98765432";

impl IdCardNumber {
    /// Checks length, characters, the embedded birth date (not after `today`) and the check digit.
    pub fn parse(raw: &str, today: Date) -> Result<IdCardNumber, IdCardError> {
        let s: String = raw.trim().chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase();
        if s.chars().count() != 18 {
            return Err(IdCardError::Length);
        }
        let b = s.as_bytes();
        if !b[..17].iter().all(u8::is_ascii_digit) || !(b[17].is_ascii_digit() || b[17] == b'X') {
            return Err(IdCardError::Character);
        }
        let num = |r: std::ops::Range<usize>| s[r].parse::<i32>().ok();
        let birth = (|| {
            let month = time::Month::try_from(u8::try_from(num(10..12)?).ok()?).ok()?;
            Date::from_calendar_date(num(6..10)?, month, u8::try_from(num(12..14)?).ok()?).ok()
        })();
        if !birth.is_some_and(|d| d.year() >= 1900 && d <= today) {
            return Err(IdCardError::BirthDate);
        }
        let sum: u32 = b[..17].iter().zip(ID_WEIGHTS).map(|(d, w)| u32::from(d - b'0') * w).sum();
        if ID_CHECK[(sum % 11) as usize] != b[17] {
            return Err(IdCardError::Check);
        }
        Ok(IdCardNumber(s))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    /// `341802**********1X`: region kept, birth date and sequence hidden.
    pub fn masked(&self) -> String {
        format!("{}{}{}", &self.0[..6], "*".repeat(10), &self.0[16..])
    }
}

impl std::fmt::Debug for IdCardNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "IdCardNumber({})", self.masked())
    }
}

/// A mainland mobile number (11 digits from 13x–19x) or a landline with its area code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhoneNumber(String);

impl PhoneNumber {
    pub fn parse(raw: &str) -> Option<PhoneNumber> {
        let digits: String = raw.chars().filter(|c| !matches!(c, ' ' | '-' | '(' | ')')).collect();
        let d = digits.strip_prefix("+86").unwrap_or(&digits);
        if !d.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let b = d.as_bytes();
        let mobile = d.len() == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1]);
        let landline = d.starts_with('0') && (10..=12).contains(&d.len());
        (mobile || landline).then(|| PhoneNumber(d.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `138****5678`: the first three and last four digits.
    pub fn masked(&self) -> String {
        let n = self.0.len();
        format!("{}{}{}", &self.0[..3], "*".repeat(n - 7), &self.0[n - 4..])
    }
}

/// A person's name as shown in public lists: `张*` for two characters, `欧**锋` beyond; the
/// family name and (for longer names) the last character stay.
pub fn mask_name(name: &str) -> String {
    let chars: Vec<char> = name.trim().chars().collect();
    match chars.len() {
        0 => String::new(),
        1 => "*".into(),
        2 => format!("{}*", chars[0]),
        n => format!("{}{}{}", chars[0], "*".repeat(n - 2), chars[n - 1]),
    }
}

/// Any identity document number: a resident card as [`IdCardNumber::masked`], others keep two
/// characters at each end.
pub fn mask_document(number: &str) -> String {
    let chars: Vec<char> = number.chars().collect();
    if chars.len() == 18 {
        return format!("{}{}{}", chars[..6].iter().collect::<String>(), "*".repeat(10), chars[16..].iter().collect::<String>());
    }
    if chars.len() <= 4 {
        return "*".repeat(chars.len());
    }
    format!("{}{}{}", chars[..2].iter().collect::<String>(), "*".repeat(chars.len() - 4), chars[chars.len() - 2..].iter().collect::<String>())
}

/// A phone number as stored (digits only), masked.
pub fn mask_phone(digits: &str) -> String {
    PhoneNumber::parse(digits).map(|p| p.masked()).unwrap_or_else(|| "*".repeat(digits.chars().count().min(11)))
}

/// Free text a citizen wrote for publication, with any long run of digits (a phone number, an
/// identity or account number: 7 or more digits, an ID's final X included) masked but for its
/// first three and last two characters.
pub fn mask_numbers_in_text(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i].is_ascii_digit() || (i > start && matches!(chars[i], 'X' | 'x') && i - start == 17)) {
            i += 1;
        }
        let run = &chars[start..i];
        if run.len() >= 7 {
            out.extend(&run[..3]);
            out.extend(std::iter::repeat_n('*', run.len() - 5));
            out.extend(&run[run.len() - 2..]);
        } else {
            out.extend(run);
        }
    }
    out
}

/// An address: the first six characters (province, city, county) and stars.
pub fn mask_address(address: &str) -> String {
    if address.is_empty() {
        return String::new();
    }
    format!("{}****", address.chars().take(6).collect::<String>())
}

/// An email address: the first character of the mailbox and the domain.
pub fn mask_email(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => format!("{}***@{domain}", local.chars().next().unwrap_or('*')),
        None if email.is_empty() => String::new(),
        None => "***".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 22);

    #[test]
    fn id_check_digit_is_verified() {
        // The example number of GB 11643-1999.
        assert!(IdCardNumber::parse("11010519491231002X", TODAY).is_ok());
        assert!(IdCardNumber::parse("11010519491231002x", TODAY).is_ok());
        assert_eq!(IdCardNumber::parse("110105194912310021", TODAY), Err(IdCardError::Check));
        assert!(IdCardNumber::parse("440524188001010014", TODAY).is_err(), "born before 1900");
    }

    #[test]
    fn id_numbers_with_impossible_birth_dates_or_characters_are_refused() {
        assert_eq!(IdCardNumber::parse("110105194902300021", TODAY), Err(IdCardError::BirthDate)); // 30 Feb
        assert_eq!(IdCardNumber::parse("110105203001010021", TODAY), Err(IdCardError::BirthDate)); // future
        assert_eq!(IdCardNumber::parse("1101051949123100", TODAY), Err(IdCardError::Length));
        assert_eq!(IdCardNumber::parse("1101051949X231002X", TODAY), Err(IdCardError::Character));
        assert_eq!(IdCardNumber::parse("１１０１０５１９４９１２３１００２Ｘ", TODAY), Err(IdCardError::Character));
    }

    #[test]
    fn id_numbers_are_masked_everywhere_they_are_printed() {
        let id = IdCardNumber::parse("11010519491231002X", TODAY).unwrap();
        assert_eq!(id.masked(), "110105**********2X");
        assert_eq!(format!("{id:?}"), "IdCardNumber(110105**********2X)");
    }

    #[test]
    fn phone_numbers_are_checked_and_masked() {
        assert_eq!(PhoneNumber::parse("138 1234 5678").unwrap().masked(), "138****5678");
        assert_eq!(PhoneNumber::parse("+86 13812345678").unwrap().as_str(), "13812345678");
        assert_eq!(PhoneNumber::parse("0563-1234567").unwrap().masked(), "056****4567");
        assert!(PhoneNumber::parse("12812345678").is_none());
        assert!(PhoneNumber::parse("1381234567").is_none());
        assert!(PhoneNumber::parse("13812345678<script>").is_none());
    }

    #[test]
    fn other_personal_data_is_masked() {
        assert_eq!(mask_document("11010519491231002X"), "110105**********2X");
        assert_eq!(mask_document("E12345678"), "E1*****78");
        assert_eq!(mask_phone("13812345678"), "138****5678");
        assert_eq!(mask_address("安徽省青山县城关镇人民路 1 号"), "安徽省青山县****");
        assert_eq!(mask_email("zhang@example.cn"), "z***@example.cn");
    }

    #[test]
    fn names_keep_the_family_name_only() {
        assert_eq!(mask_name("张三"), "张*");
        assert_eq!(mask_name("李小明"), "李*明");
        assert_eq!(mask_name("欧阳建锋"), "欧**锋");
        assert_eq!(mask_name("王"), "*");
        assert_eq!(mask_name(""), "");
    }

    #[test]
    fn long_numbers_in_published_text_are_masked() {
        assert_eq!(mask_numbers_in_text("请回电13812345678，谢谢"), "请回电138******78，谢谢");
        assert_eq!(mask_numbers_in_text("身份证11010519491231002X办理"), "身份证110*************2X办理");
        assert_eq!(mask_numbers_in_text("2026年3天后，编号123456"), "2026年3天后，编号123456", "short numbers stay");
        assert_eq!(mask_numbers_in_text(""), "");
    }
}
