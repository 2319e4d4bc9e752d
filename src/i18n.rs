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
    // Applications, matters, cases, lookup
    ActReceived => "收到申请", "收到申請", "Received";
    ActAssign => "指定责任人", "指定責任人", "Officer assigned";
    ActRequestCorrection => "告知补正", "告知補正", "Correction requested";
    ActCorrected => "提交补正材料", "提交補正材料", "Correction submitted";
    ActExtend => "延长答复期限", "延長答覆期限", "Deadline extended";
    ActConsultStart => "征求第三方意见", "徵求第三方意見", "Third party consulted";
    ActConsultEnd => "第三方意见收回", "第三方意見收回", "Consultation closed";
    ActAnswer => "作出答复", "作出答覆", "Answered";
    ActAccept => "受理", "受理", "Accepted";
    ActReject => "不予受理", "不予受理", "Refused";
    ActProcess => "开始办理", "開始辦理", "Processing";
    ActComplete => "办结", "辦結", "Completed";
    ActionNotOpen => "当前环节不能进行此操作，请刷新后重试", "當前環節不能進行此操作，請重新整理後重試", "This step is not open for this case now; reload and try again";
    AddressHint => "选择邮寄纸质材料时必填", "選擇郵寄紙本材料時必填", "Required when you want paper copies by post";
    AddressLabel => "通信地址", "通訊地址", "Postal address";
    AddressNeededForDelivery => "选择邮寄时请填写通信地址", "選擇郵寄時請填寫通訊地址", "Give a postal address for delivery by post";
    AllCases => "全部办件（含已办结）", "全部辦件（含已辦結）", "All cases (with closed)";
    AnswerAlreadyPublic => "已主动公开", "已主動公開", "Already published";
    AnswerDisclosed => "予以公开", "予以公開", "Disclosed";
    AnswerElsewhere => "非本机关负责公开", "非本機關負責公開", "Not held by this body";
    AnswerHeading => "答复结果", "答覆結果", "Answer";
    AnswerLetter => "政府信息公开申请答复书", "政府資訊公開申請答覆書", "Answer letter";
    AnswerNotExist => "信息不存在", "資訊不存在", "Information does not exist";
    AnswerNoteLabel => "答复内容（获取方式、理由或应当联系的机关）", "答覆內容（取得方式、理由或應當聯繫的機關）", "Answer text (where to find it, reasons, or the right body)";
    AnswerNoteRequired => "此答复类型须写明理由或指引", "此答覆類型須寫明理由或指引", "This answer type needs a reason or a pointer";
    AnswerPartly => "部分公开", "部分公開", "Partly disclosed";
    AnswerRepeated => "重复申请", "重複申請", "Repeated application";
    AnswerSpecialLaw => "按特别规定处理", "按特別規定處理", "Handled under special laws";
    AnswerTypeLabel => "答复类型", "答覆類型", "Answer type";
    AnswerUnreasonable => "不予处理（数量、频次明显超过合理范围）", "不予處理（數量、頻次明顯超過合理範圍）", "Not handled (unreasonable number or frequency)";
    AnswerWithheld => "不予公开", "不予公開", "Not disclosed";
    Applicant => "申请人", "申請人", "Applicant";
    ApplicantBusiness => "商业企业", "商業企業", "Business";
    ApplicantCharity => "社会公益组织", "社會公益組織", "Non-profit organisation";
    ApplicantLegal => "法律服务机构", "法律服務機構", "Legal services";
    ApplicantNameHint => "法人或其他组织请填写联系人姓名", "法人或其他組織請填寫聯絡人姓名", "For an organisation, the contact person";
    ApplicantNameLabel => "姓名", "姓名", "Name";
    ApplicantOtherOrg => "其他组织", "其他組織", "Other organisation";
    ApplicantPerson => "自然人", "自然人", "Individual";
    ApplicantResearch => "科研机构", "科研機構", "Research institution";
    ApplicantSection => "申请人信息", "申請人資訊", "About you";
    ApplicantTypeLabel => "申请人类型", "申請人類型", "Applicant type";
    Attachments => "附件", "附件", "Attachments";
    BackToQueue => "返回办件列表", "返回辦件列表", "Back to the queue";
    CardRed => "红牌（已超期）", "紅牌（已超期）", "Red card (overdue)";
    CardYellow => "黄牌（临近期限）", "黃牌（臨近期限）", "Yellow card (due soon)";
    CaseActions => "办理操作", "辦理操作", "Actions";
    CaseDetail => "办件详情", "辦件詳情", "Case";
    CaseFacts => "办件信息", "辦件資訊", "Case details";
    CaseKindInfo => "政府信息公开申请", "政府資訊公開申請", "Information request";
    CaseKindLabel => "类型", "類型", "Type";
    CaseKindService => "政务服务事项申报", "政務服務事項申報", "Service application";
    CaseQueue => "办件处理", "辦件處理", "Cases";
    CaseQueueLead => "本单位收到的申请，按紧急程度排列：红牌已超期，黄牌临近期限", "本單位收到的申請，按緊急程度排列：紅牌已超期，黃牌臨近期限", "Your units' cases, most urgent first: red is overdue, yellow is due soon";
    ChooseOne => "请选择一项", "請選擇一項", "Choose one";
    ChooseUnit => "请选择受理单位", "請選擇受理單位", "Choose the unit";
    ClosedOn => "办结日期", "辦結日期", "Closed on";
    CorrectionHeading => "需要补正", "需要補正", "A correction is needed";
    CorrectionLead => "受理单位请您补充或更正申请内容（见上方办理过程）。补正提交后重新计算答复期限。", "受理單位請您補充或更正申請內容（見上方辦理過程）。補正提交後重新計算答覆期限。", "The unit asked you to complete or correct your application (see the timeline above). The deadline restarts when you send it.";
    CorrectionNoteLabel => "需要补正的内容", "需要補正的內容", "What must be corrected";
    CorrectionText => "补正内容", "補正內容", "Your correction";
    CorrectionTooLate => "补正通知须在收到申请之日起 7 个工作日内发出", "補正通知須在收到申請之日起 7 個工作日內發出", "A correction must be requested within 7 working days of receipt";
    CreditCodeInvalid => "统一社会信用代码不正确（18 位，末位为校验码）", "統一社會信用代碼不正確（18 位，末位為校驗碼）", "The unified social credit code is not valid (18 characters with a check character)";
    DeadlineRule20 => "能够当场答复的当场答复；不能当场答复的，自收到申请之日起 20 个工作日内答复。", "能夠當場答覆的當場答覆；不能當場答覆的，自收到申請之日起 20 個工作日內答覆。", "Answered at once when possible, otherwise within 20 working days of receipt.";
    DeadlineRuleConsult => "征求第三方意见的时间（最长 15 个工作日）不计入期限。", "徵求第三方意見的時間（最長 15 個工作日）不計入期限。", "Time spent consulting a third party (up to 15 working days) is not counted.";
    DeadlineRuleCorrection => "申请内容不明确的，7 个工作日内一次性告知补正，补正后重新计算期限。", "申請內容不明確的，7 個工作日內一次性告知補正，補正後重新計算期限。", "An unclear application gets one correction notice within 7 working days; the count restarts after the correction.";
    DeadlineRuleExtension => "需要延长的，经负责人同意并告知申请人，延长期限最长不超过 20 个工作日。", "需要延長的，經負責人同意並告知申請人，延長期限最長不超過 20 個工作日。", "One extension of at most 20 working days, with notice to you.";
    DeadlineRulesTitle => "答复期限", "答覆期限", "Time limits";
    DeliveryCollect => "当面领取", "當面領取", "Collect in person";
    DeliveryEmail => "电子邮件", "電子郵件", "Email";
    DeliveryLabel => "获取信息的方式", "取得資訊的方式", "How you want the answer";
    DeliveryOnline => "网上获取（办件查询）", "網上取得（辦件查詢）", "Online (case lookup)";
    DeliveryPost => "邮寄纸质材料", "郵寄紙本材料", "Paper copies by post";
    DescriptionLabel => "补充说明", "補充說明", "More details";
    DocumentNumberInvalid => "证件号码只能包含字母、数字和短横线", "證件號碼只能包含字母、數字和短橫線", "A document number has letters, digits and dashes only";
    DueOn => "应办结日期", "應辦結日期", "Due by";
    EmailInvalid => "电子邮箱格式不正确", "電子郵箱格式不正確", "This email address is not valid";
    EmailLabel => "电子邮箱", "電子郵箱", "Email";
    EmailNeededForDelivery => "选择电子邮件方式时请填写电子邮箱", "選擇電子郵件方式時請填寫電子郵箱", "Give an email address for delivery by email";
    ExtensionDays => "延长期限为 1–20 个工作日，且只能延长一次", "延長期限為 1–20 個工作日，且只能延長一次", "An extension is 1 to 20 working days, once";
    ExtensionDaysLabel => "延长的工作日数（最多 20）", "延長的工作日數（最多 20）", "Working days to add (at most 20)";
    ExtensionReasonLabel => "延期理由（将告知申请人）", "延期理由（將告知申請人）", "Reason (sent to the applicant)";
    Fees => "收费标准", "收費標準", "Fees";
    FileOnline => "网上申报", "網上申報", "Apply online";
    FiledOn => "申请日期", "申請日期", "Filed on";
    FilingSection => "申报内容", "申報內容", "Your application";
    FilingSubjectHint => "简要说明申报的具体事项", "簡要說明申報的具體事項", "What you are applying for, in a line";
    FilingSubjectLabel => "申报事由", "申報事由", "Subject";
    FormHasErrors => "提交未成功：请按提示修改标红的项目", "提交未成功：請按提示修改標紅的項目", "Not sent: please correct the fields marked in red";
    FreeOfCharge => "不收费", "不收費", "Free of charge";
    GoToLookup => "查询办理进度", "查詢辦理進度", "Track your case";
    IdCardInvalid => "身份证号码不正确，请核对（18 位，末位为校验码）", "身分證號碼不正確，請核對（18 位，末位為校驗碼）", "This ID card number is not valid (18 characters, the last one a check digit)";
    IdNumberLabel => "证件号码", "證件號碼", "Document number";
    IdTypeCreditCode => "统一社会信用代码", "統一社會信用代碼", "Unified social credit code";
    IdTypeForOrg => "法人或其他组织请选择统一社会信用代码", "法人或其他組織請選擇統一社會信用代碼", "Organisations give their unified social credit code";
    IdTypeForPerson => "自然人请选择个人证件", "自然人請選擇個人證件", "Individuals give a personal document";
    IdTypeHkMacau => "港澳居民来往内地通行证", "港澳居民來往內地通行證", "Mainland travel permit (HK/Macao)";
    IdTypeIdCard => "居民身份证", "居民身分證", "Resident ID card";
    IdTypeLabel => "证件类型", "證件類型", "Document type";
    IdTypeOther => "其他证件", "其他證件", "Other document";
    IdTypePassport => "护照", "護照", "Passport";
    IdTypeTaiwan => "台湾居民来往大陆通行证", "台灣居民來往大陸通行證", "Mainland travel permit (Taiwan)";
    InfoRequestLead => "向本县行政机关申请获取政府信息。提交后将获得受理编号和查询码。", "向本縣行政機關申請取得政府資訊。提交後將獲得受理編號和查詢碼。", "Ask a county body for government information. You get a tracking number and a query code.";
    InfoRequestTitle => "政府信息公开申请", "政府資訊公開申請", "Request government information";
    KeepCodeSecret => "请妥善保存受理编号和查询码：查询码只在此显示一次，凭两者可查询进度、补正材料和查看答复。", "請妥善保存受理編號和查詢碼：查詢碼只在此顯示一次，憑兩者可查詢進度、補正材料和查看答覆。", "Keep the tracking number and query code safe: the code is shown only here, and both are needed to follow the case, send corrections and read the answer.";
    LetterReceived => "本机关于 {date} 收到您提出的政府信息公开申请（申请内容：{subject}）。经审查，现答复如下：", "本機關於 {date} 收到您提出的政府資訊公開申請（申請內容：{subject}）。經審查，現答覆如下：", "On {date} we received your request for government information ({subject}). Our answer:";
    LetterRemedies => "如对本答复不服，可以自收到本答复之日起 60 日内向{county}人民政府申请行政复议，或者在 6 个月内依法向人民法院提起行政诉讼。", "如對本答覆不服，可以自收到本答覆之日起 60 日內向{county}人民政府申請行政覆議，或者在 6 個月內依法向人民法院提起行政訴訟。", "If you disagree with this answer you may apply for administrative reconsideration to the {county} People's Government within 60 days of receiving it, or bring an administrative lawsuit before a people's court within 6 months.";
    LetterSalutation => "：", "：", ":";
    LetterTitle => "政府信息公开申请答复书", "政府資訊公開申請答覆書", "Answer to a request for government information";
    LimitDays => "{n} 个工作日", "{n} 個工作日", "{n} working days";
    LookupAnother => "查询其他办件", "查詢其他辦件", "Look up another case";
    LookupButton => "查询", "查詢", "Look up";
    LookupLinkLabel => "查询链接", "查詢連結", "Lookup link";
    LookupNoMatch => "受理编号或查询码不正确，请核对后重试", "受理編號或查詢碼不正確，請核對後重試", "The tracking number or query code is not right; check both and try again";
    LookupThrottled => "查询失败次数过多，请 15 分钟后再试", "查詢失敗次數過多，請 15 分鐘後再試", "Too many failed lookups. Try again in 15 minutes.";
    Materials => "申请材料", "申請材料", "Required documents";
    MatterBenefit => "行政给付", "行政給付", "Benefit";
    MatterCode => "事项编码", "事項編碼", "Matter code";
    MatterConfirmation => "行政确认", "行政確認", "Confirmation";
    MatterConvenience => "便民服务", "便民服務", "Public service";
    MatterKindLabel => "事项类型", "事項類型", "Type";
    MatterLabel => "办理事项", "辦理事項", "Service";
    MatterLevy => "行政征收", "行政徵收", "Levy";
    MatterLicense => "行政许可", "行政許可", "Licence";
    MatterOther => "其他行政权力", "其他行政權力", "Other";
    MatterRuling => "行政裁决", "行政裁決", "Ruling";
    MatterUnits => "按部门浏览", "按部門瀏覽", "By unit";
    MattersCount => "共 {total} 项，其中 {online} 项可网上申报", "共 {total} 項，其中 {online} 項可網上申報", "{total} services, {online} of them online";
    MattersLead => "查看各部门政务服务事项的办理时限、申请材料和收费，在线申报", "查看各部門政務服務事項的辦理時限、申請材料和收費，線上申報", "Time limits, documents and fees of every unit's services; apply online";
    MattersSummary => "本县政务服务事项目录：{units}", "本縣政務服務事項目錄：{units}", "The county's service catalogue: {units}";
    MattersTitle => "网上办事", "網上辦事", "Online services";
    NameInvalid => "姓名只能包含文字、间隔号和空格", "姓名只能包含文字、間隔號和空格", "A name has letters, the middle dot and spaces only";
    NoActionsOpen => "本办件已办结，没有可进行的操作", "本辦件已辦結，沒有可進行的操作", "This case is closed; no action is open";
    NoAnswerYet => "尚未答复", "尚未答覆", "Not answered yet";
    NoCases => "暂无办件", "暫無辦件", "No cases";
    NoMatters => "没有找到相关事项", "沒有找到相關事項", "No matching services";
    NotApplicable => "（不适用）", "（不適用）", "(not applicable)";
    OfflineOnly => "窗口办理", "窗口辦理", "At the counter";
    OfflineOnlyExplain => "本事项暂不支持网上申报，请携带上述材料到政务服务中心窗口办理。", "本事項暫不支援網上申報，請攜帶上述材料到政務服務中心窗口辦理。", "This service cannot be applied for online yet; bring the documents above to the service centre.";
    OnlineFiling => "可网上申报", "可網上申報", "Online";
    OpenCases => "待办", "待辦", "Open";
    OrgNameHint => "以法人或其他组织名义申请时必填", "以法人或其他組織名義申請時必填", "Required when applying for an organisation";
    OrgNameLabel => "单位名称", "單位名稱", "Organisation name";
    PersonalMasked => "个人信息仅对受理单位工作人员完整显示", "個人資訊僅對受理單位工作人員完整顯示", "Personal data is shown in full only to staff of the receiving unit";
    PhoneInvalid => "请填写正确的手机号码或带区号的固定电话", "請填寫正確的手機號碼或帶區號的固定電話", "Give a mobile number or a landline with its area code";
    PhoneLabel => "联系电话", "聯絡電話", "Phone";
    PickUnitOrSearch => "请在左侧选择部门，或输入事项名称搜索。", "請在左側選擇部門，或輸入事項名稱搜尋。", "Choose a unit, or search by name.";
    Print => "打印", "列印", "Print";
    PrivacyNotice => "您填写的个人信息仅用于办理本申请，只有受理单位的工作人员可以查看。", "您填寫的個人資訊僅用於辦理本申請，只有受理單位的工作人員可以查看。", "Your personal data is used only for this application and only the receiving unit's staff can see it.";
    PurposeHint => "选填", "選填", "Optional";
    PurposeLabel => "用途", "用途", "Purpose";
    QrCaption => "扫码查询进度", "掃碼查詢進度", "Scan to track";
    QrLabel => "查询链接二维码", "查詢連結二維碼", "QR code of the lookup link";
    QueryCode => "查询码", "查詢碼", "Query code";
    ReasonEnforcement => "行政执法案卷信息", "行政執法案卷資訊", "Law-enforcement file";
    ReasonInternal => "内部事务信息", "內部事務資訊", "Internal affairs";
    ReasonLawForbids => "法律、行政法规禁止公开", "法律、行政法規禁止公開", "Forbidden by law";
    ReasonProcess => "过程性信息", "過程性資訊", "Process information";
    ReasonRequired => "部分公开或不予公开须选择法定理由", "部分公開或不予公開須選擇法定理由", "Choose the legal ground for withholding";
    ReasonSafety => "危及国家安全、公共安全、经济安全、社会稳定", "危及國家安全、公共安全、經濟安全、社會穩定", "Endangers security or stability";
    ReasonStateSecret => "属于国家秘密", "屬於國家秘密", "State secret";
    ReasonThirdParty => "涉及商业秘密、个人隐私", "涉及商業秘密、個人隱私", "Trade secret or privacy";
    ReceiptElsewhere => "回执只在提交申请的浏览器中显示。请凭受理编号和查询码查询办件。", "回執只在提交申請的瀏覽器中顯示。請憑受理編號和查詢碼查詢辦件。", "The receipt is shown only in the browser that filed the case. Use the tracking number and query code to look it up.";
    ReceiptLead => "您的申请已提交成功", "您的申請已提交成功", "Your application has been filed";
    ReceiptTitle => "受理回执", "受理回執", "Receipt";
    ReceivingUnit => "受理单位", "受理單位", "Receiving unit";
    RejectReasonLabel => "不予受理理由（将告知申请人）", "不予受理理由（將告知申請人）", "Reason for refusal (sent to the applicant)";
    RequestSection => "申请公开的信息", "申請公開的資訊", "The information you want";
    ResponsibleOfficer => "责任人", "責任人", "Responsible officer";
    Search => "搜索", "搜尋", "Search";
    SearchMatters => "搜索事项名称", "搜尋事項名稱", "Search services";
    SecondCorrection => "同一申请只能告知补正一次", "同一申請只能告知補正一次", "Only one correction may be requested";
    SecondExtension => "答复期限只能延长一次", "答覆期限只能延長一次", "The deadline can be extended only once";
    SendCorrection => "提交补正", "提交補正", "Send the correction";
    ServiceDeadlineExplain => "承诺办结时限 {n} 个工作日，自受理之日起计算；受理前，受理单位应在 5 个工作日内决定是否受理。", "承諾辦結時限 {n} 個工作日，自受理之日起計算；受理前，受理單位應在 5 個工作日內決定是否受理。", "Completed within {n} working days of acceptance; the unit decides on acceptance within 5 working days.";
    StatusAccepted => "已受理", "已受理", "Accepted";
    StatusAnswered => "已答复", "已答覆", "Answered";
    StatusConsulting => "征求第三方意见中", "徵求第三方意見中", "Consulting a third party";
    StatusCorrection => "待补正", "待補正", "Waiting for your correction";
    StatusDone => "已办结", "已辦結", "Completed";
    StatusFiled => "已申报", "已申報", "Filed";
    StatusLabel => "办理状态", "辦理狀態", "Status";
    StatusProcessing => "办理中", "辦理中", "In progress";
    StatusReceived => "已收到，办理中", "已收到，辦理中", "Received, in progress";
    StatusRejected => "不予受理", "不予受理", "Refused";
    StepOutOfOrder => "办理步骤顺序不正确", "辦理步驟順序不正確", "Steps are out of order";
    SubjectHint => "请写明所需信息的名称、文号或便于查找的描述", "請寫明所需資訊的名稱、文號或便於查找的描述", "The title, document number or a description that helps us find it";
    SubjectLabel => "所需信息", "所需資訊", "Information wanted";
    SubjectShort => "申请内容", "申請內容", "Subject";
    SubmitApplication => "提交申请", "提交申請", "Submit";
    Submitting => "正在提交…", "正在提交…", "Submitting…";
    TextControlChars => "内容含有不允许的控制字符", "內容含有不允許的控制字元", "Contains characters that are not allowed";
    TextTooLong => "内容过长，请精简", "內容過長，請精簡", "Too long; please shorten it";
    TimeLimit => "承诺时限", "承諾時限", "Time limit";
    Timeline => "办理过程", "辦理過程", "Timeline";
    TrackingNumber => "受理编号", "受理編號", "Tracking number";
    UnitLabel => "受理单位", "受理單位", "Unit";
    WithholdReasonLabel => "不予公开的法定理由", "不予公開的法定理由", "Legal ground for withholding";
    UploadFile => "上传附件", "上傳附件", "Upload a file";
    ChooseFile => "选择文件", "選擇檔案", "Choose a file";
    UploadHint => "PDF、JPG 或 PNG 格式，单个文件不超过 10 MB，每件最多 10 个", "PDF、JPG 或 PNG 格式，單個檔案不超過 10 MB，每件最多 10 個", "PDF, JPG or PNG, up to 10 MB each, at most 10 per case";
    FileErrorSize => "文件超过 10 MB，未保存", "檔案超過 10 MB，未儲存", "The file is larger than 10 MB and was not saved";
    FileErrorType => "只接受 PDF、JPG 或 PNG 文件（按文件内容识别），未保存", "只接受 PDF、JPG 或 PNG 檔案（按檔案內容識別），未儲存", "Only PDF, JPG or PNG files are accepted (checked by content); not saved";
    FileErrorCount => "附件数量已达上限或办件已办结，未保存", "附件數量已達上限或辦件已辦結，未儲存", "The case has the most files allowed or is closed; not saved";
    FileErrorMissing => "请选择要上传的文件", "請選擇要上傳的檔案", "Choose a file to upload";
    FileSaved => "附件已保存", "附件已儲存", "File saved";
    FromUnit => "受理单位提供", "受理單位提供", "from the unit";
    FromApplicant => "申请人提交", "申請人提交", "from the applicant";
    BoardTitle => "办件公示", "辦件公示", "Live case board";
    BoardLead => "各单位最新受理的办件与累计办理情况，申请人姓名已隐去", "各單位最新受理的辦件與累計辦理情況，申請人姓名已隱去", "The latest cases across units and the running totals; applicants' names are masked";
    TotalFiled => "累计报件数", "累計報件數", "Cases filed";
    TotalDone => "累计办结数", "累計辦結數", "Cases completed";
    DoneRate => "办结率", "辦結率", "Completion rate";
    LatestCases => "最新办件", "最新辦件", "Latest cases";
    PerUnitFigures => "各单位办件情况", "各單位辦件情況", "Figures by unit";
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
