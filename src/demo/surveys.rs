//! Demo surveys: last quarter's assessment (seed 002's template), closed with its results
//! published, and this month's survey on the portal itself, open for answers.

use crate::domain::survey::{Answer, Question, QuestionKind, ResponseMode, ResultsWhen, Sheet, Spec, SurveySettings, seed_002_template};
use crate::server::Db;
use crate::surveys::store;
use anyhow::Result;
use time::{Date, Duration};

fn settings(title: &str, intro: &str, opens_on: Date, closes_on: Date, results: ResultsWhen) -> SurveySettings {
    SurveySettings {
        title: title.into(),
        intro: intro.into(),
        audience: "全县居民、企业和来县办事群众".into(),
        opens_on,
        closes_on,
        mode: ResponseMode::Once,
        results,
        invite_only: false,
        public_text: false,
    }
}

fn portal_questions() -> Vec<Question> {
    let q = |kind, title: &str, required, spec| Question { id: 0, section: String::new(), kind, title: title.into(), required, spec };
    vec![
        q(QuestionKind::Single, "您主要通过哪种渠道获取政府信息？", true, Spec {
            options: vec!["县政府网站".into(), "政务微信公众号".into(), "政务微博".into(), "电视和报纸".into()],
            other: true,
            ..Spec::default()
        }),
        q(QuestionKind::Multiple, "您最希望加强公开的内容（最多选三项）", false, Spec {
            options: vec!["财政预决算".into(), "重大建设项目".into(), "教育和医疗".into(), "征地拆迁".into(), "行政执法".into()],
            min: 1,
            max: 3,
            ..Spec::default()
        }),
        q(QuestionKind::Matrix, "请评价门户网站的以下方面", false, Spec {
            rows: vec!["信息查找方便".into(), "内容及时准确".into(), "手机上阅读舒适".into()],
            points: 5,
            low: "很差".into(),
            high: "很好".into(),
            ..Spec::default()
        }),
        q(QuestionKind::Text, "您对政务公开工作还有哪些意见和建议？", false, Spec { max_len: 500, ..Spec::default() }),
    ]
}

/// A deterministic spread of answers: mostly satisfied, some not.
fn sheet(questions: &[(i64, Question)], n: u32) -> Sheet {
    let mut s = Sheet::new();
    let pick = |k: u32, m: u32| (n.wrapping_mul(2_654_435_761).rotate_left(k) % m) as u8;
    for (i, (id, q)) in questions.iter().enumerate() {
        let k = i as u32 * 5 + 3;
        let point = [5, 5, 4, 4, 4, 3, 5, 4, 2, 3][pick(k, 10) as usize];
        let a = match q.kind {
            QuestionKind::Scale => Answer::Scale(point),
            QuestionKind::Single => Answer::Choice { option: Some(u32::from(pick(k, q.spec.options.len() as u32))), other: String::new() },
            QuestionKind::Multiple => {
                let mut options = vec![u32::from(pick(k, 5)), u32::from(pick(k + 1, 5))];
                options.sort_unstable();
                options.dedup();
                Answer::Choices { options, other: None }
            }
            QuestionKind::Matrix => Answer::Grid(q.spec.rows.iter().enumerate().map(|(r, _)| Some([5, 4, 4, 3, 5][pick(k + r as u32, 5) as usize])).collect()),
            QuestionKind::Text if n % 7 == 0 => Answer::Text("希望手机版字体再大一些，方便老人阅读。".into()),
            QuestionKind::Text => continue,
        };
        s.insert(*id, a);
    }
    s
}

async fn answered(db: &Db, id: i64, today: Date, count: u32) -> Result<()> {
    let questions: Vec<(i64, Question)> = store::questions(db, id).await?.into_iter().map(|q| (q.id, q)).collect();
    for n in 0..count {
        let key = format!("demo-{id}-{n}");
        store::insert_response(db, id, today, Some(&key), None, &sheet(&questions, n)).await?;
    }
    Ok(())
}

pub async fn seed(db: &Db, today: Date, evaluator: i64) -> Result<()> {
    // Last quarter's assessment: answered while open, then closed.
    let opens = today - Duration::days(75);
    let closes = today - Duration::days(15);
    let id = store::create(db, &settings("2026年第三季度政务公开群众满意度测评", "本次测评覆盖政务公开、信息公开、公开渠道建设和政务服务四个方面，请根据您的亲身感受作答。", opens, closes, ResultsWhen::AfterClose), evaluator, &seed_002_template()).await?;
    store::set_state(db, id, "published", &["draft"]).await?;
    answered(db, id, opens + Duration::days(10), 86).await?;

    // This month's survey on the portal, open for answers; results shown at once.
    let id = store::create(db, &settings("政府门户网站使用体验调查", "为改进门户网站，请花两分钟告诉我们您的使用体验。", today - Duration::days(5), today + Duration::days(25), ResultsWhen::Immediately), evaluator, &portal_questions()).await?;
    store::set_state(db, id, "published", &["draft"]).await?;
    answered(db, id, today, 23).await
}
