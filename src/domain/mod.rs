//! Plain types and rules shared by the server and the browser. No I/O lives here.

macro_rules! code_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $code:literal => $msg:ident),* $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The stable code stored in the database and posted by forms.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),* }
            }

            pub fn parse(s: &str) -> Option<$name> {
                match s.trim() { $($code => Some($name::$variant),)* _ => None }
            }

            pub fn msg(self) -> crate::i18n::Msg {
                match self { $($name::$variant => crate::i18n::Msg::$msg),* }
            }
        }
    };
}


pub mod application;
pub mod assessment;
pub mod calendar;
pub mod catalog;
pub mod deadline;
pub mod letter;
pub mod locale;
pub mod person;
pub mod rating;
pub mod report;
pub mod role;
pub mod site;
pub mod staff;
pub mod supervision;
pub mod survey;
pub mod tracking;
pub mod unit;

pub use calendar::{DayKind, WorkingDayCalendar};
pub use deadline::{CaseEvent, Deadline, DeadlineError, DeadlineRules};
pub use locale::{Locale, Prefs};
pub use person::{IdCardNumber, PhoneNumber, mask_address, mask_document, mask_email, mask_name, mask_numbers_in_text, mask_phone};
pub use role::{Grant, Grants, Need, Role};
pub use site::CountyName;
pub use staff::{NewPassword, Username};
pub use tracking::{QueryCode, TrackingNumber};
pub use unit::{UnitKind, Uscc};
pub use supervision::Urgency;
