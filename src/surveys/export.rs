//! `GET /admin/surveys/{id}/responses.csv|.xlsx`: every answer sheet, one row each, one column
//! per question (per row of a matrix), for evaluators and site administrators; and
//! `GET /admin/surveys/{id}/invites.csv`, the invitation codes to hand out.

use super::store;
use crate::domain::survey::{Answer, Question, QuestionKind, Sheet};
use crate::domain::Need;
use crate::server::db::beijing_time;
use crate::server::sheet::{CSV, XLSX, csv_bytes, download, xlsx_bytes};
use crate::server::{AppState, auth};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

/// The header row and one row per sheet, as text.
pub fn table(questions: &[Question], sheets: &[(i64, i64, Sheet)]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut head = vec!["序号".to_owned(), "提交时间".to_owned()];
    for q in questions {
        match q.kind {
            QuestionKind::Matrix => head.extend(q.spec.rows.iter().map(|r| format!("{} - {r}", q.title))),
            _ => head.push(q.title.clone()),
        }
    }
    let option = |q: &Question, i: &u32| q.spec.options.get(*i as usize).cloned().unwrap_or_default();
    let rows = sheets
        .iter()
        .enumerate()
        .map(|(n, (_, at, sheet))| {
            let mut row = vec![(n + 1).to_string(), beijing_time(*at)];
            for q in questions {
                let a = sheet.get(&q.id);
                match (q.kind, a) {
                    (QuestionKind::Matrix, Some(Answer::Grid(g))) => {
                        row.extend((0..q.spec.rows.len()).map(|r| g.get(r).copied().flatten().map(|p| p.to_string()).unwrap_or_default()))
                    }
                    (QuestionKind::Matrix, _) => row.extend(q.spec.rows.iter().map(|_| String::new())),
                    (_, Some(Answer::Choice { option: Some(i), .. })) => row.push(option(q, i)),
                    (_, Some(Answer::Choice { option: None, other })) => row.push(format!("其他：{other}")),
                    (_, Some(Answer::Choices { options, other })) => {
                        let mut parts: Vec<String> = options.iter().map(|i| option(q, i)).collect();
                        parts.extend(other.iter().map(|o| format!("其他：{o}")));
                        row.push(parts.join("；"));
                    }
                    (_, Some(Answer::Scale(p))) => row.push(p.to_string()),
                    (_, Some(Answer::Text(t))) => row.push(t.clone()),
                    _ => row.push(String::new()),
                }
            }
            row
        })
        .collect();
    (head, rows)
}

/// `GET /admin/surveys/{id}/{file}`: `responses.csv`, `responses.xlsx` or `invites.csv`.
pub async fn export(State(state): State<AppState>, session: Session, Path((id, file)): Path<(i64, String)>) -> Response {
    if auth::session_staff(&state, &session, Need::Evaluation).await.is_none() {
        return StatusCode::FORBIDDEN.into_response();
    }
    let built = async {
        let Some(survey) = store::load(&state.db, id, state.config.today()).await? else { return Ok(None) };
        if file == "invites.csv" {
            let rows: Vec<Vec<String>> = store::invites(&state.db, id)
                .await?
                .into_iter()
                .map(|(code, used)| vec![format!("{}-{}", &code[..5], &code[5..]), if used { "已使用".into() } else { String::new() }])
                .collect();
            let bytes = csv_bytes(&["邀请码".into(), "状态".into()], &rows).map_err(anyhow::Error::from)?;
            return Ok(Some(download(bytes, CSV, format!("survey-{id}-invites.csv"))));
        }
        let sheets = store::sheets(&state.db, id).await?;
        let (head, rows) = table(&survey.questions, &sheets);
        Ok::<_, anyhow::Error>(match file.as_str() {
            "responses.csv" => Some(download(csv_bytes(&head, &rows)?, CSV, format!("survey-{id}.csv"))),
            "responses.xlsx" => Some(download(
                xlsx_bytes("答卷", &head, &rows)?,
                XLSX,
                format!("survey-{id}.xlsx"),
            )),
            _ => None,
        })
    };
    match built.await {
        Ok(Some(r)) => r,
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!(error = %e, survey = id, "survey export failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
