//! A deterministic demo county. Later capabilities add their own demo data here.

pub mod bench;
pub mod catalog;
mod calendar;
mod letters;
mod surveys;
pub mod matters;
mod units;

use crate::ratings::store as ratings;
use crate::domain::{Role, Uscc, UnitKind};
use crate::server::{Config, Db, db::now, password};
use anyhow::{Context, Result};

#[derive(Clone, Debug)]
pub struct DemoOptions {
    pub county: String,
    pub division_code: String,
    /// The day the demo cases are dated back from.
    pub today: time::Date,
}

impl DemoOptions {
    pub fn from_config(config: &Config) -> DemoOptions {
        DemoOptions { county: config.county.hans.clone(), division_code: config.division_code.clone(), today: config.today() }
    }
}

/// The password of every demo account; printed by `make run`, never used outside demos.
pub const DEMO_PASSWORD: &str = "Gongkai@2026";

/// Demo accounts: (username, display name, role, unit short name or None for site-wide).
pub const DEMO_STAFF: [(&str, &str, Role, Option<&str>); 7] = [
    ("admin", "系统管理员", Role::Admin, None),
    ("evaluator", "评估员王敏", Role::Evaluator, None),
    ("officer.fgw", "发改委信息员李强", Role::Officer, Some("发展和改革委员会")),
    ("reviewer.fgw", "发改委审核员张华", Role::Reviewer, Some("发展和改革委员会")),
    ("officer.edu", "教体局信息员陈静", Role::Officer, Some("教育体育局")),
    ("reviewer.edu", "教体局审核员刘洋", Role::Reviewer, Some("教育体育局")),
    ("desk", "热线办受理员赵倩", Role::Officer, Some("人民政府办公室")),
];

pub fn print_logins() {
    println!("\n  演示账号 / demo staff logins (password for all: {DEMO_PASSWORD})");
    for (user, name, role, unit) in DEMO_STAFF {
        println!("    {user:<14} {name:<12} {:<10} {}", role.as_str(), unit.unwrap_or("(全站)"));
    }
    println!("  Sign in at /admin/login\n");
}

/// Seeds each part of the demo county whose table is still empty. Returns whether the units
/// (and with them the staff) were seeded.
pub async fn seed_if_empty(db: &Db, opts: &DemoOptions) -> Result<bool> {
    if crate::calendar::store::is_empty(db).await? {
        seed_calendar(db).await?;
    }
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM units").fetch_one(&db.pool).await?;
    let seeded = count == 0;
    if seeded {
        seed_units(db, opts).await?;
        seed_staff(db).await?;
        seed_assessment(db).await?;
    }
    let (matters,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM matters").fetch_one(&db.pool).await?;
    if matters == 0 {
        seed_matters(db, opts).await?;
    }
    let (cases,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM cases").fetch_one(&db.pool).await?;
    if cases == 0 {
        seed_cases(db, opts).await?;
    }
    let (ratings,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM ratings").fetch_one(&db.pool).await?;
    if ratings == 0 {
        seed_ratings(db, opts).await?;
    }
    let (entries,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM catalog_entries").fetch_one(&db.pool).await?;
    if entries == 0 {
        seed_catalog(db, opts).await?;
    }
    let (letters,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM letters").fetch_one(&db.pool).await?;
    if letters == 0 {
        seed_letters(db, opts).await?;
    }
    let (surveys,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM surveys").fetch_one(&db.pool).await?;
    if surveys == 0 {
        let evaluator: Option<(i64,)> = sqlx::query_as("SELECT id FROM staff WHERE username = 'evaluator'").fetch_optional(&db.pool).await?;
        if let Some((evaluator,)) = evaluator {
            surveys::seed(db, opts.today, evaluator).await?;
        }
    }
    let (campaigns,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM rating_campaigns").fetch_one(&db.pool).await?;
    if campaigns == 0 {
        seed_campaign(db, opts).await?;
    }
    let (baseline,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM case_stats_baseline").fetch_one(&db.pool).await?;
    if baseline == 0 {
        seed_baseline(db).await?;
    }
    Ok(seeded)
}

/// The county's publishing minimums (seed 001) and its news-like column, set by the administrator.
async fn seed_assessment(db: &Db) -> Result<()> {
    use crate::domain::assessment::{ColumnClass, FrequencyRule, Period};
    use crate::domain::catalog::Topic;
    let (admin,): (i64,) = sqlx::query_as("SELECT id FROM staff WHERE username = 'admin'").fetch_one(&db.pool).await?;
    let rules = [
        (Topic::General, UnitKind::Department, Period::Quarter, 3, 30),
        (Topic::Finance, UnitKind::Department, Period::Year, 2, 20),
        (Topic::General, UnitKind::Township, Period::Quarter, 3, 30),
        (Topic::Agriculture, UnitKind::Township, Period::Year, 2, 20),
        (Topic::General, UnitKind::Enterprise, Period::Year, 2, 20),
    ];
    for (topic, kind, period, minimum, weight) in rules {
        crate::assessment::store::set_rule(db, &FrequencyRule { topic, kind, period, minimum, weight }, admin).await?;
    }
    crate::assessment::store::set_column_class(db, Topic::General, ColumnClass::News, admin).await?;
    Ok(())
}

/// Demo entries: 600 published, plus a draft and one awaiting review at 发改委 so the officer and
/// the reviewer find work; guides for two units.
async fn seed_catalog(db: &Db, opts: &DemoOptions) -> Result<()> {
    let officer: Option<(i64, i64)> = sqlx::query_as(
        "SELECT s.id, r.unit_id FROM staff s JOIN staff_roles r ON r.staff_id = s.id WHERE s.username = 'officer.fgw'",
    )
    .fetch_optional(&db.pool)
    .await?;
    let Some((officer, unit)) = officer else { return Ok(()) };
    catalog::seed(db, 600, opts.today, officer, true).await?;
    let drafts = [
        ("关于公开征求《青山县优化营商环境若干措施（征求意见稿）》意见的公告", "announcement", false),
        ("青山县2026年重点项目投资计划", "plan", true),
    ];
    for (title, genre, submit) in drafts {
        let input = crate::domain::catalog::EntryInput {
            title: title.into(),
            summary: "面向社会公开征求意见，时间为30日。".into(),
            keywords: "营商环境 征求意见".into(),
            written_on: opts.today.to_string(),
            topic: "economy".into(),
            genre: genre.into(),
            audience: "legal-persons".into(),
            validity: "valid".into(),
            disclosure: "proactive".into(),
            body: "<p>为进一步优化营商环境，现公开征求社会各界意见。</p>".into(),
            ..Default::default()
        };
        let e = crate::domain::catalog::validate(&input, opts.today).map_err(|e| anyhow::anyhow!("demo draft: {e:?}"))?;
        let id = crate::catalog::store::create(db, unit, officer, &e).await.map_err(|e| anyhow::anyhow!("demo draft: {e}"))?;
        if submit {
            crate::catalog::store::submit(db, id, officer).await.map_err(|e| anyhow::anyhow!("demo submit: {e}"))?;
        }
    }
    let guide = "<h2>一、主动公开</h2><p>本单位主动公开的政府信息，通过本网站“政府信息公开目录”发布，自信息形成或变更之日起20个工作日内公开。</p>\
        <h2>二、依申请公开</h2><p>公民、法人或其他组织可通过本网站“依申请公开”栏目在线提交申请，也可到本单位办公室当面提交或邮寄。本单位收到申请后20个工作日内答复；需延长的，延长期限最长不超过20个工作日。</p>\
        <h2>三、收费</h2><p>行政机关依申请提供政府信息，不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，可以依法收取信息处理费。</p>\
        <h2>四、监督和救济</h2><p>申请人认为本单位在政府信息公开工作中侵犯其合法权益的，可以向县人民政府办公室投诉举报，也可以依法申请行政复议或者提起行政诉讼。</p>";
    let units: Vec<(i64,)> = sqlx::query_as("SELECT id FROM units ORDER BY sort_order, id LIMIT 3").fetch_all(&db.pool).await?;
    for (u,) in units.into_iter().chain([(unit,)]) {
        crate::catalog::store::save_guide(db, u, officer, guide).await?;
    }
    Ok(())
}

async fn seed_matters(db: &Db, opts: &DemoOptions) -> Result<()> {
    let shorts: Vec<&str> = units::DEPARTMENTS.iter().map(|d| d.0).collect();
    let mut ids = Vec::new();
    for short in shorts.iter().take(matters::UNITS) {
        let (id,): (i64,) = sqlx::query_as("SELECT id FROM units WHERE short_name = $1")
            .bind(*short)
            .fetch_one(&db.pool)
            .await
            .with_context(|| format!("demo unit {short}"))?;
        ids.push(id);
    }
    let mut tx = db.begin().await?;
    for (n, m) in matters::catalogue(&shorts).into_iter().enumerate() {
        sqlx::query(
            "INSERT INTO matters (unit_id, code, name, kind, limit_days, materials, fees, online, sort_order) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(ids[m.unit_index])
        .bind(format!("{}{:03}{:05}", opts.division_code, m.unit_index + 1, n + 1))
        .bind(&m.name)
        .bind(m.kind.as_str())
        .bind(m.limit_days)
        .bind(m.materials)
        .bind(m.fees)
        .bind(i64::from(m.online))
        .bind(n as i64)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Seed 001's board: 310,527 cases filed and 309,500 completed (99.67%).
pub const BOARD_FILED: i64 = 310_527;
pub const BOARD_DONE: i64 = 309_500;

/// Figures carried over from the previous system, spread over the service units so that the
/// board opens on seed 001's totals.
async fn seed_baseline(db: &Db) -> Result<()> {
    let (live_filed, live_done): (i64, i64) =
        sqlx::query_as("SELECT COUNT(*), COUNT(closed_on) FROM cases").fetch_one(&db.pool).await?;
    let (filed, done) = (BOARD_FILED - live_filed, BOARD_DONE - live_done);
    let mut ids = Vec::new();
    for (short, _) in units::DEPARTMENTS.iter().take(matters::UNITS) {
        let (id,): (i64,) = sqlx::query_as("SELECT id FROM units WHERE short_name = $1").bind(*short).fetch_one(&db.pool).await?;
        ids.push(id);
    }
    let weights: Vec<i64> = (0..ids.len() as i64).map(|i| (i * 37) % 17 + 3).collect();
    let total_w: i64 = weights.iter().sum();
    let mut shares: Vec<(i64, i64)> = weights.iter().map(|w| (filed * w / total_w, done * w / total_w)).collect();
    // Remainders go to the first unit (the county government office).
    shares[0].0 += filed - shares.iter().map(|s| s.0).sum::<i64>();
    shares[0].1 += done - shares.iter().map(|s| s.1).sum::<i64>();
    let mut tx = db.begin().await?;
    for (id, (f, d)) in ids.iter().zip(shares) {
        sqlx::query("INSERT INTO case_stats_baseline (unit_id, filed, done) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(f)
            .bind(d.min(f))
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// A valid resident ID number for a demo applicant (GB 11643 check digit).
pub fn demo_id_number(division: &str, n: usize) -> String {
    let birth = format!("{}{:02}{:02}", 1950 + n % 50, 1 + n % 12, 1 + n % 28);
    let body = format!("{division}{birth}{:03}", 100 + n % 900);
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body.bytes().zip(weights).map(|(b, w)| u32::from(b - b'0') * w).sum();
    let check = b"10X98765432"[(sum % 11) as usize] as char;
    format!("{body}{check}")
}

const DEMO_NAMES: [&str; 12] = ["王建国", "李秀英", "张伟", "刘洋", "陈静", "杨帆", "赵敏", "黄磊", "周婷", "吴强", "徐丽", "孙浩"];
const DEMO_SUBJECTS: [&str; 8] = [
    "2025 年度本单位财政预算执行情况",
    "城关街道老旧小区改造项目的立项批复文件",
    "本县 2026 年义务教育学校招生划片方案",
    "青溪镇农村公路建设项目招标文件",
    "本县 2025 年度重点建设项目清单",
    "河口镇征地补偿安置方案",
    "县城区公交线路调整的听证材料",
    "2026 年度涉农补贴资金发放名单",
];

/// A few dozen cases at every step, dated back from today, filed and processed through the
/// same code the portal uses.
async fn seed_cases(db: &Db, opts: &DemoOptions) -> Result<()> {
    use crate::cases::store::{self, Step};
    use crate::domain::application::{Action, ApplicationInput, CaseKind, validate};
    let cal = crate::calendar::store::load(db).await?;
    let unit = |short: &'static str| async move {
        sqlx::query_as::<_, (i64,)>("SELECT id FROM units WHERE short_name = $1").bind(short).fetch_one(&db.pool).await.map(|r| r.0)
    };
    let fgw = unit("发展和改革委员会").await?;
    let edu = unit("教育体育局").await?;
    let staff: Vec<(i64,)> = sqlx::query_as("SELECT id FROM staff WHERE username IN ('officer.fgw', 'officer.edu') ORDER BY username").fetch_all(&db.pool).await?;
    let service_matters: Vec<(i64, i64, i64)> =
        sqlx::query_as("SELECT id, unit_id, limit_days FROM matters WHERE online = 1 AND unit_id IN ($1, $2) ORDER BY id LIMIT 12")
            .bind(fgw)
            .bind(edu)
            .fetch_all(&db.pool)
            .await?;
    // Working days back from today.
    let back = |days: u32| {
        let mut d = opts.today;
        let mut left = days;
        while left > 0 {
            d = d.previous_day().unwrap_or(d);
            if cal.is_working_day(d) {
                left -= 1;
            }
        }
        d
    };
    for n in 0..24usize {
        let service = n % 2 == 1;
        let matter = service.then(|| service_matters[n % service_matters.len().max(1)]);
        let unit_id = matter.map(|m| m.1).unwrap_or(if n % 4 == 0 { fgw } else { edu });
        let input = ApplicationInput {
            applicant_type: "person".into(),
            applicant_name: DEMO_NAMES[n % DEMO_NAMES.len()].into(),
            id_type: "idcard".into(),
            id_number: demo_id_number(&opts.division_code, n),
            phone: format!("139{:08}", 5_550_000 + n * 37),
            address: format!("{}城关街道人民路 {} 号", opts.county, 10 + n),
            unit_id: unit_id.to_string(),
            subject: if service { "申请办理".into() } else { DEMO_SUBJECTS[n % DEMO_SUBJECTS.len()].into() },
            delivery: "online".into(),
            ..Default::default()
        };
        let app = validate(&input, true, opts.today).map_err(|e| anyhow::anyhow!("demo case {n}: {e:?}"))?;
        let kind = if service { CaseKind::Service } else { CaseKind::Info };
        let filed_on = back(2 + (n as u32 * 7) % 26);
        let key = format!("{:032x}", 0xdead_0000_u64 + n as u64);
        let filed = store::insert(db, kind, &app, unit_id, matter.map(|m| (m.0, m.2)), &key, filed_on, &cal, None).await?;
        let officer = staff.get(usize::from(unit_id == edu)).map(|s| s.0);
        let plan: &[Action] = match (kind, n % 6) {
            (CaseKind::Info, 0) => &[Action::Assign, Action::Answer],
            (CaseKind::Info, 2) => &[Action::Assign, Action::RequestCorrection],
            (CaseKind::Info, 4) => &[Action::Assign, Action::Extend],
            (CaseKind::Service, 1) => &[Action::Accept, Action::Process],
            (CaseKind::Service, 3) => &[Action::Accept, Action::Process, Action::Complete],
            _ => &[],
        };
        for (step_no, action) in plan.iter().enumerate() {
            let Some(row) = store::by_id(db, filed.id).await? else { break };
            let on = cal.add_working_days(filed_on, 1 + step_no as u32).min(opts.today);
            let (code, note, days) = match action {
                Action::Answer => ("disclosed", "所申请信息已通过电子邮件和网上办件查询提供，请查收附件。", None),
                Action::RequestCorrection => ("", "请补充说明所需信息的具体年份和文件名称。", None),
                Action::Extend => ("", "所需信息涉及多个单位，需要会商，延长答复期限。", Some(20)),
                _ => ("", "", None),
            };
            let assignee = (*action == Action::Assign).then_some(officer).flatten();
            let name = match assignee {
                Some(id) => sqlx::query_as::<_, (String,)>("SELECT display_name FROM staff WHERE id = $1").bind(id).fetch_one(&db.pool).await?.0,
                None => code.to_owned(),
            };
            let step = Step { action: *action, on, days, code: &name, note, public: true, staff_id: officer, assignee };
            if let Err(e) = store::act(db, &row, step, &cal).await {
                anyhow::bail!("demo case {n} step {action:?}: {e:?}");
            }
        }
    }
    Ok(())
}

/// Ratings of the finished demo cases (all but the newest, left for a visitor to rate): mostly
/// good, one 差评 still open for the unit to answer, one already answered.
async fn seed_ratings(db: &Db, opts: &DemoOptions) -> Result<()> {
    use crate::domain::rating::RatingInput;
    let cal = crate::calendar::store::load(db).await?;
    let closed: Vec<(i64,)> = sqlx::query_as("SELECT id FROM cases WHERE closed_on IS NOT NULL ORDER BY id").fetch_all(&db.pool).await?;
    let plan = [
        ("very_satisfied", "办理很快，工作人员解释得很清楚。"),
        ("satisfied", ""),
        ("very_unsatisfied", "答复时间比承诺的晚，电话一直打不通。"),
        ("basic", "材料要求可以在网上写得更清楚些。"),
        ("unsatisfied", "窗口人员态度生硬。"),
    ];
    let rated = closed.len().saturating_sub(1);
    for (i, (id,)) in closed.iter().take(rated).enumerate() {
        let Some(case) = crate::cases::store::by_id(db, *id).await? else { continue };
        let (level, comment) = plan[i % plan.len()];
        let rating = RatingInput { level: level.into(), comment: comment.into(), attitude: "4".into(), ..Default::default() }
            .validate()
            .map_err(|e| anyhow::anyhow!("demo rating: {e:?}"))?;
        let rectify_by = cal.add_working_days(opts.today, 5);
        ratings::rate(db, &case, &rating, opts.today, rectify_by).await?;
        if level == "unsatisfied" {
            let (rating_id,): (i64,) = sqlx::query_as("SELECT id FROM ratings WHERE case_id = $1").bind(id).fetch_one(&db.pool).await?;
            ratings::respond(db, rating_id, 1, opts.today, "经核查，当日窗口人员沟通方式不当。", "已对相关人员进行批评教育，并开展服务礼仪培训。", "已电话回访申请人，申请人表示理解。").await?;
        }
    }
    Ok(())
}

/// A counter-evaluation campaign at the service centre's 发改委 window: 40 visit codes, 12 rated
/// over the last three months.
async fn seed_campaign(db: &Db, opts: &DemoOptions) -> Result<()> {
    use crate::domain::rating::{Campaign, RatingInput, VISIT_LEN};
    use crate::ratings::window::store;
    let found: Option<(i64, i64, i64)> = sqlx::query_as(
        "SELECT u.id, m.id, s.id FROM units u JOIN matters m ON m.unit_id = u.id, staff s \
         WHERE u.short_name = '发展和改革委员会' AND s.username = 'evaluator' ORDER BY m.id LIMIT 1",
    )
    .fetch_optional(&db.pool)
    .await?;
    let Some((unit, matter, evaluator)) = found else { return Ok(()) };
    let campaign = Campaign { title: "政务服务中心发改窗口服务评价".into(), unit, matter: Some(matter), place: "县政务服务中心 3 号窗口".into() };
    let Some(id) = store::create(db, &campaign, "FGW3CK", evaluator).await? else { return Ok(()) };
    let codes: Vec<String> = (0..40).map(|_| crate::server::drafts::random_code(VISIT_LEN)).collect();
    store::add_visits(db, id, &codes).await?;
    let plan = [("very_satisfied", "一次就办好了，不用来回跑。"), ("satisfied", ""), ("very_satisfied", ""), ("basic", "等候时间有点长。")];
    for (i, code) in codes.iter().take(12).enumerate() {
        let (level, comment) = plan[i % plan.len()];
        let rating = RatingInput { level: level.into(), comment: comment.into(), efficiency: "5".into(), ..Default::default() }
            .validate()
            .map_err(|e| anyhow::anyhow!("demo window rating: {e:?}"))?;
        store::rate(db, id, code, &rating, opts.today - time::Duration::days(7 * i as i64)).await?;
    }
    Ok(())
}

/// Hotline letters, answered by the demo units' staff and routed by the desk.
async fn seed_letters(db: &Db, opts: &DemoOptions) -> Result<()> {
    let cal = crate::calendar::store::load(db).await?;
    let staff: Vec<(i64, String)> = sqlx::query_as("SELECT id, username FROM staff WHERE username IN ('desk', 'officer.fgw', 'admin')")
        .fetch_all(&db.pool)
        .await?;
    let pick = |name: &str| staff.iter().find(|s| s.1 == name).map(|s| s.0);
    let Some(desk) = pick("desk").or_else(|| pick("admin")) else { return Ok(()) };
    let officer = pick("officer.fgw").unwrap_or(desk);
    letters::seed(db, opts.today, desk, officer, &cal).await
}

async fn seed_calendar(db: &Db) -> Result<()> {
    for (day, kind, note) in calendar::DAYS {
        let date = time::Date::parse(day, &time::format_description::well_known::Iso8601::DATE)
            .with_context(|| format!("demo calendar date {day}"))?;
        crate::calendar::store::set_day(db, date, *kind, note, None).await?;
    }
    Ok(())
}

/// The demo unit list in insertion order: (kind, full name, short name, parent short name).
pub fn unit_list(county: &str) -> Vec<(UnitKind, String, &'static str, Option<&'static str>)> {
    let mut list = Vec::with_capacity(110);
    for (short, parent) in units::DEPARTMENTS {
        list.push((UnitKind::Department, format!("{county}{short}"), short, parent));
    }
    for short in units::TOWNSHIPS {
        list.push((UnitKind::Township, format!("{county}{short}"), short, None));
    }
    for short in units::ENTERPRISES {
        list.push((UnitKind::Enterprise, format!("{county}{short}"), short, None));
    }
    list
}

/// A deterministic, valid unified social credit code for the n-th demo unit.
pub fn demo_code(kind: UnitKind, division: &str, n: usize) -> Result<Uscc> {
    let authority = match kind {
        UnitKind::Department => "11",
        UnitKind::Township => "11",
        UnitKind::Enterprise => "91",
    };
    // A fixed odd multiplier spreads the organisation numbers like real ones.
    let org = format!("{:08}", (n as u64 * 7_919_773 + 40_000_000) % 100_000_000);
    Uscc::compose(authority, division, &org).map_err(|e| anyhow::anyhow!("demo code {n}: {e}"))
}

async fn seed_units(db: &Db, opts: &DemoOptions) -> Result<()> {
    let mut tx = db.begin().await?;
    let mut ids: std::collections::HashMap<&str, i64> = std::collections::HashMap::new();
    for (n, (kind, name, short, parent)) in unit_list(&opts.county).into_iter().enumerate() {
        let parent_id = parent.and_then(|p| ids.get(p).copied());
        let code = demo_code(kind, &opts.division_code, n)?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO units (parent_id, kind, name, short_name, code, sort_order, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(parent_id)
        .bind(kind.as_str())
        .bind(&name)
        .bind(short)
        .bind(code.as_str())
        .bind(n as i64)
        .bind(now())
        .fetch_one(&mut *tx)
        .await
        .with_context(|| format!("inserting demo unit {name}"))?;
        ids.insert(short, id);
    }
    tx.commit().await?;
    Ok(())
}

async fn seed_staff(db: &Db) -> Result<()> {
    let hash = password::hash(DEMO_PASSWORD.to_owned()).await?;
    for (username, display, role, unit) in DEMO_STAFF {
        let unit_id: Option<i64> = match unit {
            Some(short) => Some(
                sqlx::query_as::<_, (i64,)>("SELECT id FROM units WHERE short_name = $1")
                    .bind(short)
                    .fetch_one(&db.pool)
                    .await
                    .with_context(|| format!("demo unit {short}"))?
                    .0,
            ),
            None => None,
        };
        let id = crate::staff::store::create_staff(db, username, display, &hash).await?;
        crate::staff::store::grant(db, id, role, unit_id).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn demo_county_has_the_seed_001_unit_counts() {
        let list = unit_list("青山县");
        assert_eq!(list.len(), 110);
        let count = |k| list.iter().filter(|u| u.0 == k).count();
        assert_eq!((count(UnitKind::Department), count(UnitKind::Township), count(UnitKind::Enterprise)), (72, 19, 19));
        let names: HashSet<_> = list.iter().map(|u| u.1.clone()).collect();
        assert_eq!(names.len(), 110, "unit names are unique");
        for (_, _, _, parent) in &list {
            if let Some(p) = parent {
                assert!(list.iter().any(|u| u.2 == *p), "parent {p} exists");
            }
        }
    }

    #[test]
    fn demo_calendar_marks_weekdays_off_and_weekends_on() {
        use crate::domain::DayKind;
        use time::Weekday::{Saturday, Sunday};
        for (day, kind, _) in calendar::DAYS {
            let d = time::Date::parse(day, &time::format_description::well_known::Iso8601::DATE).unwrap();
            let weekend = matches!(d.weekday(), Saturday | Sunday);
            // A make-up working day only makes sense on a weekend.
            if *kind == DayKind::MakeUpWorkday {
                assert!(weekend, "{day} is a make-up day on a weekday");
            }
        }
    }

    #[test]
    fn demo_codes_are_valid_and_unique() {
        let codes: HashSet<String> = unit_list("青山县")
            .iter()
            .enumerate()
            .map(|(n, u)| demo_code(u.0, "341899", n).unwrap().as_str().to_owned())
            .collect();
        assert_eq!(codes.len(), 110);
        for c in &codes {
            assert!(Uscc::parse(c).is_ok());
        }
    }
}
