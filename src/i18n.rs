//! Every UI string, in simplified Chinese, traditional Chinese and English.
//!
//! Keys are an enum so a missing or misspelt key fails to compile, and every key must carry all
//! three languages.

use crate::domain::Locale;
use serde::{Deserialize, Serialize};

macro_rules! messages {
    ($($key:ident => $hans:literal, $hant:literal, $en:literal;)*) => {
        /// A translatable UI string.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum Msg { $($key),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            pub fn text(self, locale: Locale) -> &'static str {
                match self {
                    $(Msg::$key => match locale {
                        Locale::Hans => $hans,
                        Locale::Hant => $hant,
                        Locale::En => $en,
                    },)*
                }
            }
        }
    };
}

messages! {
    SiteSuffix => "人民政府 · 政务公开", "人民政府 · 政務公開", " Government · Open Government";
    SkipToContent => "跳到主要内容", "跳到主要內容", "Skip to main content";
    MainNav => "主导航", "主導覽", "Main navigation";
    NavHome => "首页", "首頁", "Home";
    NavCatalog => "信息公开", "資訊公開", "Disclosure";
    NavApply => "依申请公开", "依申請公開", "Apply";
    NavLookup => "办件查询", "辦件查詢", "Track a case";
    NavHotline => "市长热线", "市長熱線", "Mayor's hotline";
    NavSurveys => "网上调查", "網上調查", "Surveys";
    CatalogTitle => "政府信息公开目录", "政府資訊公開目錄", "Government information catalog";
    CatalogDesc => "按发布机构、主题和服务对象查阅政府主动公开的信息", "按發布機構、主題和服務對象查閱政府主動公開的資訊", "Browse information the government publishes, by unit, topic and audience";
    ApplyTitle => "依申请公开与网上办事", "依申請公開與網上辦事", "Information requests and online services";
    ApplyDesc => "在线申请公开政府信息，或在线申报办理服务事项", "線上申請公開政府資訊，或線上申報辦理服務事項", "Request government information or file a service application online";
    LookupTitle => "办件查询", "辦件查詢", "Track a case";
    LookupDesc => "凭受理编号和查询码查看办理进度与答复", "憑受理編號和查詢碼查看辦理進度與答覆", "See progress and replies with your tracking number and query code";
    HotlineTitle => "市长热线 12345 · 领导信箱", "市長熱線 12345 · 領導信箱", "Mayor's hotline 12345 · Leaders' mailbox";
    HotlineDesc => "给县长和部门负责人写信，查看公开的来信与回复", "給縣長和部門負責人寫信，查看公開的來信與回覆", "Write to the county head and unit leaders; read published letters and replies";
    SurveysTitle => "网上调查", "網上調查", "Online surveys";
    SurveysDesc => "参与网上调查和问卷测评，评价政府工作", "參與網上調查和問卷測評，評價政府工作", "Take part in surveys and assess the government's work";
    ComingSoon => "本栏目正在建设中，敬请期待。", "本欄目正在建設中，敬請期待。", "This section is being built.";
    BackHome => "返回首页", "返回首頁", "Back to the home page";
    HomeIntro => "公开是原则，不公开是例外。在这里查阅政府信息、在线申请、查询办件、写信反映问题、参与调查。", "公開是原則，不公開是例外。在這裡查閱政府資訊、線上申請、查詢辦件、寫信反映問題、參與調查。", "Openness is the rule, secrecy the exception. Read government information, apply online, track cases, write to your government and take part in surveys.";
    HomeServices => "公开服务", "公開服務", "Public services";
    CareMode => "关怀模式", "關懷模式", "Care mode";
    CareModeExit => "退出关怀模式", "退出關懷模式", "Standard mode";
    Language => "语言", "語言", "Language";
    Preferences => "阅读设置", "閱讀設定", "Reading settings";
    FooterSponsor => "主办：", "主辦：", "Run by: ";
    FooterOffice => "人民政府办公室", "人民政府辦公室", " Government Office";
    FooterAccessibility => "本网站支持关怀模式与键盘操作", "本網站支援關懷模式與鍵盤操作", "This site offers a care mode and full keyboard use";
    StaffLogin => "工作人员登录", "工作人員登入", "Staff sign-in";
    NotFoundTitle => "页面不存在", "頁面不存在", "Page not found";
    NotFoundBody => "您访问的页面不存在或已被移除。", "您存取的頁面不存在或已被移除。", "The page you asked for does not exist or has been removed.";
    Loading => "正在加载…", "正在載入…", "Loading…";
    Username => "用户名", "用戶名", "Username";
    Password => "密码", "密碼", "Password";
    SignIn => "登录", "登入", "Sign in";
    SignOut => "退出登录", "登出", "Sign out";
    FieldRequired => "此项为必填项", "此項為必填項", "This field is required";
    UsernameInvalid => "用户名为 3–32 位小写字母、数字或 . _ -", "用戶名為 3–32 位小寫字母、數字或 . _ -", "Use 3–32 lowercase letters, digits or . _ -";
    PasswordTooShort => "密码长度应为 10–128 位", "密碼長度應為 10–128 位", "A password has 10 to 128 characters";
    PasswordTooWeak => "密码须包含大写字母、小写字母、数字、符号中的至少两类", "密碼須包含大寫字母、小寫字母、數字、符號中的至少兩類", "Use at least two of: uppercase, lowercase, digits, symbols";
    LoginWrong => "用户名或密码不正确", "用戶名或密碼不正確", "Wrong username or password";
    LoginThrottled => "登录失败次数过多，请 15 分钟后再试", "登入失敗次數過多，請 15 分鐘後再試", "Too many failed attempts. Try again in 15 minutes.";
    Throttled => "操作过于频繁，请稍后再试", "操作過於頻繁，請稍後再試", "Too many requests. Please try again later.";
    NeedLogin => "请先登录", "請先登入", "Please sign in first";
    Forbidden => "您没有权限进行此操作", "您沒有權限進行此操作", "You do not have permission to do this";
    NotFound => "未找到相应内容", "未找到相應內容", "Not found";
    BadRequest => "请求内容不完整或格式不正确，请检查后重新提交", "請求內容不完整或格式不正確，請檢查後重新提交", "The request was incomplete or malformed. Please check and try again.";
    InternalError => "系统繁忙，请稍后再试", "系統繁忙，請稍後再試", "Something went wrong. Please try again later.";
    AdminTitle => "管理后台", "管理後台", "Back office";
    AdminNav => "后台导航", "後台導覽", "Back-office navigation";
    Dashboard => "工作台", "工作台", "Dashboard";
    UnitsAdmin => "单位管理", "單位管理", "Units";
    SignedInAs => "当前用户", "當前用戶", "Signed in as";
    YourRoles => "您的角色", "您的角色", "Your roles";
    NoRoles => "尚未分配角色，请联系管理员", "尚未分配角色，請聯絡管理員", "No roles yet. Ask an administrator.";
    RoleOfficer => "信息员", "資訊員", "Information officer";
    RoleReviewer => "审核员", "審核員", "Reviewer";
    RoleAdmin => "管理员", "管理員", "Administrator";
    RoleEvaluator => "评估员", "評估員", "Evaluator";
    SiteWide => "全站", "全站", "Whole site";
    UnitKindDepartment => "县政府部门", "縣政府部門", "County departments";
    UnitKindTownship => "乡镇（街道）", "鄉鎮（街道）", "Townships and streets";
    UnitKindEnterprise => "公共企事业单位", "公共企事業單位", "Public enterprises and institutions";
    UnitName => "单位名称", "單位名稱", "Unit";
    UnitCode => "统一社会信用代码", "統一社會信用代碼", "Unified social credit code";
    UnitsTotal => "单位总数", "單位總數", "Units in all";
    UnitsOfKind => "个单位", "個單位", " units";
    CalendarAdmin => "工作日历", "工作日曆", "Working-day calendar";
    CalendarLead => "放假和调休上班以国务院办公厅通知为准。所有办理期限按本日历的工作日计算；未列出的日期按周一至周五上班计算。", "放假和調休上班以國務院辦公廳通知為準。所有辦理期限按本日曆的工作日計算；未列出的日期按週一至週五上班計算。", "Holidays and make-up working days follow the State Council's notice. Every deadline is counted in this calendar's working days; days not listed follow Monday to Friday.";
    Date => "日期", "日期", "Date";
    WeekdayCol => "星期", "星期", "Weekday";
    DayKindCol => "类型", "類型", "Kind";
    DayKindHoliday => "放假", "放假", "Holiday";
    DayKindWorkday => "调休上班", "調休上班", "Make-up working day";
    Note => "说明", "說明", "Note";
    Actions => "操作", "操作", "Actions";
    Save => "保存", "儲存", "Save";
    Remove => "删除", "刪除", "Remove";
    DateInvalid => "请输入有效日期，如 2026-10-01", "請輸入有效日期，如 2026-10-01", "Enter a valid date, e.g. 2026-10-01";
    NoteTooLong => "说明不超过 100 字，且不能含控制字符", "說明不超過 100 字，且不能含控制字元", "At most 100 characters, no control characters";
    PrevYear => "上一年", "上一年", "Previous year";
    NextYear => "下一年", "下一年", "Next year";
    NoCalendarDays => "本年度尚未设置放假或调休", "本年度尚未設定放假或調休", "No holidays or make-up days set for this year";
    SetCalendarDay => "设置放假或调休上班", "設定放假或調休上班", "Set a holiday or make-up working day";
    Saved => "已保存", "已儲存", "Saved";
    AccountsAdmin => "人员与角色", "人員與角色", "Staff and roles";
    DisplayName => "姓名", "姓名", "Name";
    DisplayNameInvalid => "请填写 1–40 字的姓名", "請填寫 1–40 字的姓名", "Enter a name of 1 to 40 characters";
    UsernameTaken => "该用户名已被使用", "該用戶名已被使用", "This username is taken";
    InitialPassword => "初始密码", "初始密碼", "Initial password";
    Role => "角色", "角色", "Role";
    Unit => "所属单位", "所屬單位", "Unit";
    UnitForUnitRoles => "信息员、审核员须选择单位；管理员、评估员为全站角色", "資訊員、審核員須選擇單位；管理員、評估員為全站角色", "Officers and reviewers need a unit; administrators and evaluators are site-wide";
    CreateAccount => "新建账号", "新建帳號", "New account";
    Revoke => "撤销", "撤銷", "Revoke";
    AccountDisabled => "已停用", "已停用", "Disabled";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_three_non_empty_texts() {
        for m in Msg::ALL {
            for l in Locale::ALL {
                assert!(!m.text(l).trim().is_empty() || *m == Msg::SiteSuffix, "{m:?} in {l:?}");
            }
        }
    }

    #[test]
    fn chinese_texts_differ_from_english() {
        for m in Msg::ALL {
            assert_ne!(m.text(Locale::Hans), m.text(Locale::En), "{m:?} untranslated");
        }
    }
}
