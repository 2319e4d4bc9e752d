//! Tables downloaded by staff as CSV (UTF-8 with a BOM, so Excel opens it) or XLSX: the survey
//! answers and the ratings. No cell is ever read as a formula.

use axum::http::header;
use axum::response::{IntoResponse, Response};

pub const CSV: &str = "text/csv; charset=utf-8";
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A cell that a spreadsheet would read as a formula is prefixed so it stays text.
pub fn inert(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@']) { format!("'{cell}") } else { cell.to_owned() }
}

pub fn csv_bytes(head: &[String], rows: &[Vec<String>]) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::from("\u{feff}".as_bytes()));
    w.write_record(head)?;
    for r in rows {
        w.write_record(r.iter().map(|c| inert(c)))?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

/// One worksheet named `name`; short whole numbers after the first column stay numbers (points,
/// scores), everything else is text.
pub fn xlsx_bytes(name: &str, head: &[String], rows: &[Vec<String>]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(name)?;
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for (c, h) in head.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, h, &bold)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32 + 1, c as u16);
            match cell.parse::<i64>() {
                Ok(n) if c > 0 && cell.len() < 10 => sheet.write_number(r, c, n as f64)?,
                _ => sheet.write_string(r, c, cell)?,
            };
        }
    }
    book.save_to_buffer()
}

/// A private download.
pub fn download(bytes: Vec<u8>, mime: &'static str, name: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, mime.to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        bytes,
    )
        .into_response()
}
