//! The demo catalogue of service matters: 2,155 matters across 51 units, 956 of them filed
//! online (seed 001). Each unit gets its well-known matters by name, then the usual split of a
//! licence into new / change / renewal / cancellation items and the common public services, as
//! real county catalogues do.

use crate::domain::application::MatterKind;

pub const TOTAL: usize = 2155;
pub const ONLINE: usize = 956;
pub const UNITS: usize = 51;

/// Matters known by name for some units: (unit short name, [(kind, name)]).
const NAMED: &[(&str, &[(MatterKind, &str)])] = &[
    ("公安局", &[(MatterKind::Other, "居民身份证申领"), (MatterKind::Other, "户口迁移登记"), (MatterKind::Confirmation, "无犯罪记录证明出具"), (MatterKind::License, "旅馆业特种行业许可证核发")]),
    ("民政局", &[(MatterKind::Benefit, "最低生活保障金给付"), (MatterKind::Benefit, "临时救助金给付"), (MatterKind::Confirmation, "婚姻登记"), (MatterKind::Benefit, "高龄津贴发放"), (MatterKind::License, "社会团体成立登记")]),
    ("人力资源和社会保障局", &[(MatterKind::Confirmation, "就业失业登记"), (MatterKind::License, "人力资源服务许可"), (MatterKind::Benefit, "一次性创业补贴发放")]),
    ("卫生健康委员会", &[(MatterKind::License, "医疗机构执业许可"), (MatterKind::Convenience, "出生医学证明办理"), (MatterKind::License, "公共场所卫生许可")]),
    ("市场监督管理局", &[(MatterKind::License, "食品经营许可"), (MatterKind::Confirmation, "个体工商户设立登记"), (MatterKind::Confirmation, "企业变更登记")]),
    ("住房和城乡建设局", &[(MatterKind::License, "建筑工程施工许可证核发"), (MatterKind::License, "商品房预售许可")]),
    ("交通运输局", &[(MatterKind::License, "道路货物运输经营许可"), (MatterKind::License, "出租汽车经营许可")]),
    ("水利局", &[(MatterKind::License, "取水许可"), (MatterKind::License, "生产建设项目水土保持方案审批")]),
    ("自然资源和规划局", &[(MatterKind::License, "建设用地规划许可证核发"), (MatterKind::License, "乡村建设规划许可证核发")]),
    ("教育体育局", &[(MatterKind::License, "民办学校办学许可"), (MatterKind::Confirmation, "教师资格认定"), (MatterKind::Benefit, "家庭经济困难学生资助")]),
    ("发展和改革委员会", &[(MatterKind::Other, "企业投资项目核准"), (MatterKind::Other, "企业投资项目备案"), (MatterKind::Confirmation, "节能审查")]),
    ("退役军人事务局", &[(MatterKind::Benefit, "优抚对象抚恤补助金给付"), (MatterKind::Confirmation, "退役士兵安置")]),
    ("医疗保障局", &[(MatterKind::Benefit, "医疗救助金给付"), (MatterKind::Convenience, "异地就医备案")]),
    ("农业农村局", &[(MatterKind::License, "农药经营许可"), (MatterKind::License, "兽药经营许可证核发")]),
    ("税务局", &[(MatterKind::Levy, "契税征收"), (MatterKind::Levy, "个人所得税征收")]),
];

/// Generic matters every unit has, with `{t}` for the unit's field of work.
const COMMON: &[(MatterKind, &str)] = &[
    (MatterKind::License, "{t}许可（新办）"),
    (MatterKind::License, "{t}许可（变更）"),
    (MatterKind::License, "{t}许可（延续）"),
    (MatterKind::License, "{t}许可（注销）"),
    (MatterKind::License, "{t}许可证补办"),
    (MatterKind::Confirmation, "{t}资格确认"),
    (MatterKind::Confirmation, "{t}相关证明出具"),
    (MatterKind::Confirmation, "{t}备案（新办）"),
    (MatterKind::Confirmation, "{t}备案（变更）"),
    (MatterKind::Confirmation, "{t}备案（注销）"),
    (MatterKind::Benefit, "{t}专项补贴发放"),
    (MatterKind::Benefit, "{t}奖励资金兑付"),
    (MatterKind::Levy, "{t}行政事业性收费征收"),
    (MatterKind::Ruling, "{t}争议行政裁决"),
    (MatterKind::Other, "{t}行政奖励"),
    (MatterKind::Other, "{t}领域行政检查"),
    (MatterKind::Other, "对{t}领域违法行为的行政处罚"),
    (MatterKind::Other, "{t}领域行政强制措施"),
    (MatterKind::Convenience, "{t}政策咨询"),
    (MatterKind::Convenience, "{t}业务预约办理"),
    (MatterKind::Convenience, "{t}投诉举报受理"),
    (MatterKind::Convenience, "{t}档案查阅"),
    (MatterKind::Convenience, "{t}证照邮寄送达"),
    (MatterKind::Convenience, "{t}办件进度查询"),
    (MatterKind::Convenience, "{t}信息查询证明打印"),
    (MatterKind::Convenience, "{t}办事指南查询"),
    (MatterKind::Confirmation, "{t}数据统计证明"),
    (MatterKind::Other, "{t}重大事项报告受理"),
    (MatterKind::Convenience, "{t}业务培训报名"),
    (MatterKind::Convenience, "{t}材料补正提交"),
    (MatterKind::Confirmation, "{t}年度报告公示"),
    (MatterKind::Other, "{t}项目申报"),
    (MatterKind::Other, "{t}项目验收"),
    (MatterKind::Benefit, "{t}困难群体帮扶"),
    (MatterKind::Confirmation, "{t}从业人员信息登记"),
    (MatterKind::Confirmation, "{t}从业人员信息变更"),
    (MatterKind::Convenience, "{t}证书遗失补办"),
    (MatterKind::Convenience, "{t}服务评价受理"),
    (MatterKind::Other, "{t}信用修复申请"),
    (MatterKind::Other, "{t}告知承诺制审批"),
    (MatterKind::Convenience, "{t}上门服务预约"),
    (MatterKind::Convenience, "{t}适老化服务协助办理"),
    (MatterKind::Confirmation, "{t}资质证书打印"),
];

/// The unit's field of work: its short name without the kind of body.
pub fn topic(short: &str) -> String {
    let mut t = short.to_owned();
    for suffix in ["委员会", "管理局", "办公室", "事务局", "分局", "局", "中心", "大队", "联合会", "合作社"] {
        if let Some(s) = t.strip_suffix(suffix) {
            t = s.to_owned();
            break;
        }
    }
    if t.is_empty() { short.to_owned() } else { t }
}

/// One demo matter.
pub struct DemoMatter {
    pub unit_index: usize,
    pub kind: MatterKind,
    pub name: String,
    pub limit_days: i64,
    pub materials: &'static str,
    pub fees: &'static str,
    pub online: bool,
}

fn limit(kind: MatterKind) -> i64 {
    match kind {
        MatterKind::License => 20,
        MatterKind::Confirmation => 10,
        MatterKind::Benefit => 15,
        MatterKind::Levy => 5,
        MatterKind::Ruling => 30,
        MatterKind::Other => 15,
        MatterKind::Convenience => 3,
    }
}

fn materials(kind: MatterKind) -> &'static str {
    match kind {
        MatterKind::License => "申请书\n申请人身份证明或营业执照\n符合许可条件的证明材料\n场所使用证明",
        MatterKind::Confirmation => "申请表\n申请人身份证明\n相关证明材料",
        MatterKind::Benefit => "申请表\n申请人身份证明\n银行账户信息\n家庭经济状况说明",
        MatterKind::Levy => "申报表\n纳费人身份证明",
        MatterKind::Ruling => "裁决申请书\n申请人身份证明\n争议事实和理由的证据材料",
        MatterKind::Other => "申请材料\n申请人身份证明",
        MatterKind::Convenience => "申请人身份证明",
    }
}

/// The whole catalogue for the given unit short names (the first 51 departments).
pub fn catalogue(units: &[&str]) -> Vec<DemoMatter> {
    let mut out = Vec::with_capacity(TOTAL);
    let per_unit = TOTAL / UNITS;
    let extra = TOTAL % UNITS;
    for (i, short) in units.iter().take(UNITS).enumerate() {
        let want = per_unit + usize::from(i < extra);
        let t = topic(short);
        let named = NAMED.iter().find(|(u, _)| u == short).map(|(_, m)| *m).unwrap_or(&[]);
        let names = named.iter().map(|(k, n)| (*k, (*n).to_owned())).chain(COMMON.iter().map(|(k, n)| (*k, n.replace("{t}", &t))));
        for (kind, name) in names.take(want) {
            out.push(DemoMatter {
                unit_index: i,
                kind,
                name,
                limit_days: limit(kind),
                materials: materials(kind),
                fees: if kind == MatterKind::Levy { "按国家和省规定的标准收取" } else { "" },
                online: false,
            });
        }
    }
    // Spread the online matters evenly over the catalogue.
    let n = out.len();
    for (k, m) in out.iter_mut().enumerate() {
        m.online = (k + 1) * ONLINE / n > k * ONLINE / n;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_has_the_seed_001_figures() {
        let units: Vec<&str> = super::super::units::DEPARTMENTS.iter().map(|d| d.0).collect();
        let c = catalogue(&units);
        assert_eq!(c.len(), TOTAL);
        assert_eq!(c.iter().filter(|m| m.online).count(), ONLINE);
        let units_used: std::collections::HashSet<_> = c.iter().map(|m| m.unit_index).collect();
        assert_eq!(units_used.len(), UNITS);
        assert_eq!(topic("教育体育局"), "教育体育");
        assert_eq!(topic("卫生健康委员会"), "卫生健康");
    }
}
