//! Plain types and rules shared by the server and the browser. No I/O lives here.

pub mod application;
pub mod calendar;
pub mod deadline;
pub mod locale;
pub mod person;
pub mod role;
pub mod site;
pub mod staff;
pub mod supervision;
pub mod tracking;
pub mod unit;

pub use calendar::{DayKind, WorkingDayCalendar};
pub use deadline::{CaseEvent, Deadline, DeadlineError, DeadlineRules};
pub use locale::{Locale, Prefs};
pub use person::{IdCardNumber, PhoneNumber, mask_address, mask_document, mask_email, mask_name, mask_phone};
pub use role::{Grant, Grants, Need, Role};
pub use site::CountyName;
pub use staff::{NewPassword, Username};
pub use tracking::{QueryCode, TrackingNumber};
pub use unit::{UnitKind, Uscc};
pub use supervision::Urgency;
