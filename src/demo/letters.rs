//! Demo hotline letters: four months of letters of every type, most answered, rated and
//! published, some still with the units (one nearly due, one overdue) and two waiting at the desk.

use crate::domain::letter::{LetterInput, LetterLimits, LetterStep, Satisfaction};
use crate::domain::WorkingDayCalendar;
use crate::hotline::store;
use crate::server::Db;
use anyhow::{Context, Result};
use time::Date;

/// (type, unit short name, subject, content, reply).
const LETTERS: &[(&str, &str, &str, &str, &str)] = &[
    ("complaint", "城市管理局", "幸福路夜市油烟扰民", "幸福路与人民路交叉口夜市每晚烧烤油烟很大，一直持续到凌晨，附近居民无法开窗。",
     "经现场核查，情况属实。我局已责令相关摊点安装油烟净化设备，并将夜市经营时间调整为22时前结束，今后将加强巡查。"),
    ("consult", "人力资源和社会保障局", "灵活就业人员如何参加养老保险", "本人在外地打零工，户籍在本县，想了解灵活就业人员参加基本养老保险的办理方式和缴费标准。",
     "灵活就业人员可持身份证到县政务服务中心社保窗口或通过“皖事通”办理参保登记，缴费基数可在全省上年度平均工资的60%至300%之间自主选择。"),
    ("suggestion", "交通运输局", "建议增开城区至工业园公交线路", "工业园区上下班时段公交车次少、等车时间长，建议早晚高峰加密班次或开通直达线路。",
     "感谢您的建议。经客流调查，我局已协调公交公司自下月起在早晚高峰增开城区至工业园区直达班车，发车间隔缩短至10分钟。"),
    ("help", "住房和城乡建设局", "老旧小区楼道灯损坏无人维修", "建设路老粮站宿舍楼道灯坏了半年，老人晚上上下楼很危险，小区没有物业。",
     "已联系所在社区和供电部门，楼道灯已于本周全部更换，后续纳入老旧小区改造统一管理。"),
    ("consult", "教育体育局", "小学一年级新生入学报名时间", "孩子今年满6周岁，想咨询城区小学新生入学报名的时间、需要准备的材料和学区划分。",
     "城区小学新生报名时间为每年7月上旬，需准备户口簿、房产证明或租房备案证明及儿童预防接种证，具体学区划分以县教体局官网公告为准。"),
    ("complaint", "市场监督管理局", "超市销售过期食品", "本人在城南某超市购买的牛奶已过保质期两天，与超市交涉未果。",
     "执法人员已到该超市现场检查，查实其销售超过保质期食品的违法行为，已依法立案查处，并责令其向您退赔。"),
    ("suggestion", "发展和改革委员会", "建议公开重点项目建设进度", "希望县里在网站上定期公开重点项目的建设进度和资金使用情况，方便群众监督。",
     "感谢您的建议。县重点项目建设进度已按月在政府信息公开目录“重点项目建设”栏目公开，我委将进一步细化公开内容。"),
    ("report", "生态环境分局", "工业园区企业夜间偷排废水", "工业园区东侧某化工企业夜间通过雨水管向河道排放废水，河水发黑有异味。",
     "接到举报后我局连夜开展突击检查，对该企业雨水排口采样监测，发现超标排放，已依法责令停产整治并立案处罚。"),
    ("help", "卫生健康委员会", "家中老人需要家庭医生上门服务", "家中老人行动不便，患有高血压、糖尿病，想申请家庭医生签约和上门随访。",
     "已安排所在乡镇卫生院家庭医生团队与您联系，完成签约并每月上门随访一次。"),
    ("consult", "住房公积金管理中心", "异地购房能否提取公积金", "本人在本县缴存公积金，在邻县购买了住房，能否提取公积金，需要哪些材料？",
     "可以提取。请携带身份证、购房合同、购房发票到中心服务大厅办理，或通过公积金网上服务大厅申请。"),
    ("complaint", "公安局", "小区周边车辆乱停放堵塞消防通道", "阳光花园小区南门外道路两侧长期停满车辆，消防车无法通行。",
     "交警大队已在该路段施划禁停标线并加强巡逻查处，同时协调小区开放地下车位，通道已恢复畅通。"),
    ("suggestion", "城市管理局", "建议在滨河公园增设公共厕所", "滨河公园晨练和散步的人很多，但公园北段没有公共厕所，很不方便。",
     "感谢您的建议。滨河公园北段公厕已列入今年城市公厕建设计划，预计年底前建成投用。"),
];

/// Letters from the last four months up to `today`.
pub async fn seed(db: &Db, today: Date, desk_staff: i64, officer: i64, cal: &WorkingDayCalendar) -> Result<()> {
    let limits = LetterLimits::default();
    let names = ["王秀英", "李建国", "张丽", "刘洋", "陈志强", "杨帆", "赵敏", "黄伟"];
    let total = 96usize;
    for i in 0..total {
        let (t, unit, subject, content, reply) = LETTERS[i % LETTERS.len()];
        let filed = today - time::Duration::days(((total - i) * 120 / total) as i64);
        let input = LetterInput {
            letter_type: t.into(),
            addressee: "mayor".into(),
            subject: subject.into(),
            content: content.into(),
            location: String::new(),
            name: names[i % names.len()].into(),
            phone: format!("139{:08}", 5_550_000 + i),
            email: String::new(),
            public_ok: if i % 5 == 4 { String::new() } else { "1".into() },
        };
        let letter = input.validate().map_err(|e| anyhow::anyhow!("demo letter: {e:?}"))?;
        let due = limits.due(letter.letter_type, false, filed, cal);
        let key = format!("demo-letter-{i:04}");
        let filed_row = store::insert(db, &letter, &key, filed, due).await?;
        let newest = i + 2 >= total;
        if newest {
            continue; // left for the desk
        }
        let unit_id: (i64,) = sqlx::query_as("SELECT id FROM units WHERE short_name = $1").bind(unit).fetch_one(&db.pool).await.with_context(|| format!("demo unit {unit}"))?;
        let row = store::by_id(db, filed_row.id).await?.context("demo letter")?;
        let routed_on = cal.add_working_days(filed, 1).min(today);
        let route_due = limits.due(letter.letter_type, false, routed_on, cal);
        store::route(db, &row, unit_id.0, false, routed_on, route_due, "请按时办理答复。", desk_staff).await.map_err(|e| anyhow::anyhow!("demo route: {e:?}"))?;
        // The last few stay with the unit: one yellow, one red, the rest in time.
        if i + 6 >= total {
            continue;
        }
        let row = store::by_id(db, filed_row.id).await?.context("demo letter")?;
        let route = store::routes(db, row.id).await?.into_iter().next().context("demo route")?;
        let answered_on = cal.add_working_days(routed_on, 1 + (i % 3) as u32).min(today);
        store::unit_step(db, &row, &route, LetterStep::Answered, reply, 0, answered_on, officer)
            .await
            .map_err(|e| anyhow::anyhow!("demo answer: {e:?}"))?;
        if i % 7 == 3 {
            continue; // answered, not yet rated
        }
        let row = store::by_id(db, filed_row.id).await?.context("demo letter")?;
        let s = if i % 11 == 5 { Satisfaction::Basic } else { Satisfaction::Satisfied };
        store::rate(db, &row, s, "", false, answered_on, answered_on).await.map_err(|e| anyhow::anyhow!("demo rating: {e:?}"))?;
    }
    Ok(())
}
