//! Every UI string, in simplified Chinese, traditional Chinese and English.
//!
//! Keys are an enum so a missing or misspelt key fails to compile, and every key must carry all
//! three languages.

use crate::domain::Locale;
use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::{Serialize, Serializer};

// The texts sit in one table indexed by the key. A key goes over the wire as a number: its index
// and a digest of the whole key list (see `Msg::wire`), so the browser's WASM carries no names.
// (Derived serde and a `match` per key cost about 140 KB of the browser's WASM for 900 keys; the
// names alone are about 4 KB of it, brotli.)
macro_rules! messages {
    ($($key:ident => $hans:literal, $hant:literal, $en:literal;)*) => {
        /// A translatable UI string.
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg { $($key),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            /// The key's text in `locale`. In the browser, the texts of the page's language,
            /// loaded before hydration (see [`texts_url`]); a page's language is fixed for its load.
            pub fn text(self, locale: Locale) -> &'static str {
                #[cfg(feature = "hydrate")]
                {
                    let _ = locale;
                    browser::text(self as usize)
                }
                #[cfg(not(feature = "hydrate"))]
                {
                    static TEXTS: &[[&str; 3]] = &[$([$hans, $hant, $en]),*];
                    let [hans, hant, en] = TEXTS[self as usize];
                    match locale {
                        Locale::Hans => hans,
                        Locale::Hant => hant,
                        Locale::En => en,
                    }
                }
            }

            /// The key's name, as written here: how it is kept in the database.
            #[cfg(not(feature = "hydrate"))]
            pub fn name(self) -> &'static str {
                NAMES[self as usize]
            }

            /// The key with this name.
            #[cfg(not(feature = "hydrate"))]
            pub fn from_name(name: &str) -> Option<Msg> {
                NAMES.iter().position(|n| *n == name).map(|i| Msg::ALL[i])
            }
        }

        const KEY_NAMES: &[&str] = &[$(stringify!($key)),*];
        #[cfg(not(feature = "hydrate"))]
        static NAMES: &[&str] = KEY_NAMES;
    };
}

/// A digest (FNV-1a) of every key's name, in order, worked out when the code is compiled: the
/// server and the browser built from the same source agree on it, and any added, removed or
/// reordered key changes it.
pub const KEYS_DIGEST: u32 = {
    let mut h: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < KEY_NAMES.len() {
        let b = KEY_NAMES[i].as_bytes();
        let mut j = 0;
        while j < b.len() {
            h = (h ^ b[j] as u32).wrapping_mul(0x0100_0193);
            j += 1;
        }
        h = (h ^ 0xff).wrapping_mul(0x0100_0193);
        i += 1;
    }
    h
};

/// How many bits of the wire number hold the key's index.
const INDEX_BITS: u32 = 12;
const _: () = assert!(KEY_NAMES.len() < 1 << INDEX_BITS);

impl Msg {
    /// The key as it goes over the wire: `KEYS_DIGEST` above the index. A page loaded before an
    /// upgrade that changed the keys reads a newer server's number as [`Msg::PageOutdated`],
    /// never as some other message.
    pub fn wire(self) -> u64 {
        (KEYS_DIGEST as u64) << INDEX_BITS | self as u64
    }

    /// The key a wire number names; `PageOutdated` when it comes from another key list.
    pub fn from_wire(n: u64) -> Msg {
        let index = (n & ((1 << INDEX_BITS) - 1)) as usize;
        match Msg::ALL.get(index) {
            Some(m) if n >> INDEX_BITS == KEYS_DIGEST as u64 => *m,
            _ => Msg::PageOutdated,
        }
    }
}

#[cfg(not(feature = "hydrate"))]
thread_local! {
    static BY_NAME: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` with every message serialized by its name rather than its wire number: for JSON kept
/// in the database (refused forms, import reports), which must read back after an upgrade has
/// changed the key list. Reading takes either form.
#[cfg(not(feature = "hydrate"))]
pub fn by_name<R>(f: impl FnOnce() -> R) -> R {
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            BY_NAME.with(|b| b.set(self.0));
        }
    }
    let _restore = Restore(BY_NAME.with(|b| b.replace(true)));
    f()
}

// The browser's WASM carries no texts: the page names the texts of its language
// (`<meta name="gongkai-texts">`, a file that changes name whenever a text does, cached for good),
// and `hydrate` loads them before it hydrates. That keeps the other two languages (two thirds of
// 68 KB of text, and the table of them) out of every page's first load.

/// The address of `locale`'s texts: a JSON array of every message's text, in key order, named by
/// a digest of its content.
#[cfg(feature = "ssr")]
pub fn texts_url(locale: Locale) -> String {
    format!("/i18n/{}.{}.json", locale.tag(), texts_json(locale).digest)
}

/// `locale`'s texts, made once per process.
#[cfg(feature = "ssr")]
pub struct Texts {
    /// A JSON array of every message's text, in key order.
    pub json: String,
    /// The same, compressed with brotli at its best (the file is on every first load).
    pub brotli: Vec<u8>,
    /// A digest of `json`, which names the file.
    pub digest: String,
}

/// `locale`'s texts as JSON (computed once per process).
#[cfg(feature = "ssr")]
pub fn texts_json(locale: Locale) -> &'static Texts {
    use sha2::Digest;
    static ALL: std::sync::OnceLock<[Texts; 3]> = std::sync::OnceLock::new();
    let all = ALL.get_or_init(|| {
        Locale::ALL.map(|l| {
            let texts: Vec<&str> = Msg::ALL.iter().map(|m| m.text(l)).collect();
            let json = serde_json::to_string(&texts).unwrap_or_default();
            let digest = sha2::Sha256::digest(json.as_bytes()).iter().take(8).map(|b| format!("{b:02x}")).collect();
            let mut brotli = Vec::new();
            // A window no larger than the text (about 25 KB) compresses it as well; brotli's
            // default window (4 MiB) had its match finder take some 40 MB that the allocator
            // zeroed, so the server's peak memory grew by that much on the first page served.
            let lgwin = (usize::BITS - json.len().leading_zeros()).clamp(10, 24) as i32;
            let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin, size_hint: json.len(), ..Default::default() };
            if brotli::BrotliCompress(&mut json.as_bytes(), &mut brotli, &params).is_err() {
                brotli.clear();
            }
            Texts { json, brotli, digest }
        })
    });
    &all[Locale::ALL.iter().position(|l| *l == locale).unwrap_or(0)]
}

/// The texts in the browser: loaded once, before hydration.
#[cfg(feature = "hydrate")]
pub mod browser {
    use std::sync::OnceLock;
    use wasm_bindgen::JsCast;

    static TEXTS: OnceLock<Vec<&'static str>> = OnceLock::new();

    pub(super) fn text(i: usize) -> &'static str {
        TEXTS.get().and_then(|t| t.get(i)).copied().unwrap_or("")
    }

    /// Starts fetching the texts the page names, so that they travel while other code loads.
    pub fn fetch() -> Option<js_sys::Promise> {
        let window = web_sys::window()?;
        let url = window.document()?.query_selector("meta[name=gongkai-texts]").ok()??.get_attribute("content")?;
        Some(window.fetch_with_str(&url))
    }

    /// Waits for the texts `fetch` started and installs them; false when they did not arrive
    /// whole (the page then stays as the server sent it, which works without scripts).
    pub async fn install(fetching: Option<js_sys::Promise>) -> bool {
        if TEXTS.get().is_some() {
            return true;
        }
        let Some(fetching) = fetching else { return false };
        let Ok(res) = wasm_bindgen_futures::JsFuture::from(fetching).await else { return false };
        let Ok(res) = res.dyn_into::<web_sys::Response>() else { return false };
        if !res.ok() {
            return false;
        }
        let Ok(json) = res.json() else { return false };
        let Ok(list) = wasm_bindgen_futures::JsFuture::from(json).await else { return false };
        let Ok(list) = list.dyn_into::<js_sys::Array>() else { return false };
        let texts: Option<Vec<&'static str>> =
            list.iter().map(|v| v.as_string().map(|s| &*Box::leak(s.into_boxed_str()))).collect();
        match texts {
            Some(t) if t.len() == super::Msg::ALL.len() => TEXTS.set(t).is_ok(),
            _ => false,
        }
    }
}

impl std::fmt::Debug for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        #[cfg(not(feature = "hydrate"))]
        return f.write_str(self.name());
        #[cfg(feature = "hydrate")]
        return write!(f, "Msg#{}", *self as usize);
    }
}

impl Serialize for Msg {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[cfg(not(feature = "hydrate"))]
        if BY_NAME.with(|b| b.get()) {
            return serializer.serialize_str(self.name());
        }
        serializer.serialize_u64(self.wire())
    }
}

impl<'de> Deserialize<'de> for Msg {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Msg, D::Error> {
        struct Key;
        impl Visitor<'_> for Key {
            type Value = Msg;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a UI message's wire number or name")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Msg, E> {
                Ok(Msg::from_wire(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Msg, E> {
                u64::try_from(v).map(Msg::from_wire).map_err(|_| E::invalid_value(de::Unexpected::Signed(v), &self))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Msg, E> {
                #[cfg(not(feature = "hydrate"))]
                return Msg::from_name(v).ok_or_else(|| E::invalid_value(de::Unexpected::Str(v), &self));
                // The browser knows no names: a name comes only from a server of another version.
                #[cfg(feature = "hydrate")]
                return {
                    let _ = v;
                    Ok(Msg::PageOutdated)
                };
            }
        }
        deserializer.deserialize_any(Key)
    }
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
    AddQuestion => "添加题目", "新增題目", "Add a question";
    CreateSurvey => "创建调查", "建立調查", "Create the survey";
    Delete => "删除", "刪除", "Delete";
    ExportXlsx => "导出 Excel（XLSX）", "匯出 Excel（XLSX）", "Export Excel (XLSX)";
    MoveDown => "下移", "下移", "Move down";
    MoveUp => "上移", "上移", "Move up";
    NewSurvey => "新建调查", "新建調查", "New survey";
    NoSurveys => "目前没有网上调查。", "目前沒有網上調查。", "There are no surveys at the moment.";
    OnePerLine => "每行一项", "每行一項", "One per line";
    QkSingle => "单选题", "單選題", "Single choice";
    QkMultiple => "多选题", "多選題", "Multiple choice";
    QkScale => "量表题", "量表題", "Rating scale";
    QkMatrix => "矩阵题", "矩陣題", "Matrix";
    QkText => "填空题", "填空題", "Free text";
    QuestionKindLabel => "题型", "題型", "Question type";
    QuestionTitle => "题目", "題目", "Question";
    Required => "必答", "必答", "Required";
    SubmitSurvey => "提交问卷", "提交問卷", "Submit my answers";
    SurveyAllowOther => "增加“其他（请注明）”选项", "增加「其他（請註明）」選項", "Add an “other, please specify” choice";
    SurveyAlreadyAnswered => "您已参加过本次调查，感谢您的参与。每人只能提交一次。", "您已參加過本次調查，感謝您的參與。每人只能提交一次。", "You have already taken part in this survey. Thank you! Each person can answer once.";
    SurveyAnswerEveryRow => "请对每一行作答", "請對每一行作答", "Please answer every row";
    SurveyAnswered => "作答人数", "作答人數", "Answered by";
    SurveyAudience => "调查对象", "調查對象", "Who it is for";
    SurveyBadChoice => "所选答案不在本题选项中，请重新选择", "所選答案不在本題選項中，請重新選擇", "That answer is not one of this question's choices; please choose again";
    SurveyBadInvite => "邀请码不正确或已使用", "邀請碼不正確或已使用", "The invitation code is wrong or has been used";
    SurveyChoose => "可选项数", "可選項數", "Choices";
    SurveyClose => "提前结束", "提前結束", "Close now";
    SurveyClosesBeforeOpens => "结束日期不能早于开始日期", "結束日期不能早於開始日期", "The closing date cannot be before the opening date";
    SurveyClosesOn => "结束日期", "結束日期", "Closes on";
    SurveyCount => "人数", "人數", "Count";
    SurveyDuplicateOption => "选项不能重复", "選項不能重複", "Options must not repeat";
    SurveyHighLabel => "最高分含义", "最高分含義", "Label of the highest point";
    SurveyIntro => "调查说明", "調查說明", "Introduction";
    SurveyInviteCode => "邀请码", "邀請碼", "Invitation code";
    SurveyInviteCount => "数量（1–5000）", "數量（1–5000）", "How many (1–5000)";
    SurveyInviteHint => "10 位字母和数字，如 K7MQP-3XWTA；每个邀请码只能使用一次", "10 位字母和數字，如 K7MQP-3XWTA；每個邀請碼只能使用一次", "10 letters and digits, such as K7MQP-3XWTA; each code can be used once";
    SurveyInviteOnly => "凭邀请码作答（一码一答）", "憑邀請碼作答（一碼一答）", "Answer with an invitation code only (one code, one answer)";
    SurveyInvites => "邀请码", "邀請碼", "Invitation codes";
    SurveyInvitesCsv => "下载邀请码（CSV）", "下載邀請碼（CSV）", "Download the codes (CSV)";
    SurveyInvitesMade => "已生成", "已產生", "Made";
    SurveyInvitesUsed => "已使用", "已使用", "Used";
    SurveyLiveResults => "实时统计", "即時統計", "Live counts";
    SurveyLocked => "已有答卷，题目已锁定，不能再修改。", "已有答卷，題目已鎖定，不能再修改。", "Answers exist, so the questions are locked.";
    SurveyLowLabel => "最低分含义", "最低分含義", "Label of the lowest point";
    SurveyMakeInvites => "生成邀请码", "產生邀請碼", "Make codes";
    SurveyMaxChoices => "最多选几项", "最多選幾項", "At most";
    SurveyMaxLen => "最多字数", "最多字數", "Longest answer (characters)";
    SurveyMean => "平均分", "平均分", "Mean";
    SurveyMinChoices => "最少选几项", "最少選幾項", "At least";
    SurveyMinOverMax => "最少项数不能大于最多项数", "最少項數不能大於最多項數", "“At least” cannot be more than “at most”";
    SurveyModeLabel => "作答方式", "作答方式", "Who may answer";
    SurveyModeAnonymous => "匿名作答", "匿名作答", "Anonymous answers";
    SurveyModeOnce => "每人限答一次（匿名）", "每人限答一次（匿名）", "One answer per person (anonymous)";
    SurveyMultipleNote => "多选题按选项分别计数，比例之和可能超过 100%。", "多選題按選項分別計數，比例之和可能超過 100%。", "Multiple choice counts each option, so the shares can add up to more than 100%.";
    SurveyNeedsOptions => "请至少填写两个选项（每行一个）", "請至少填寫兩個選項（每行一個）", "Give at least two options (one per line)";
    SurveyNeedsRows => "请至少填写一行（每行一个）", "請至少填寫一行（每行一個）", "Give at least one row (one per line)";
    SurveyNoQuestions => "请先添加题目再发布", "請先新增題目再發布", "Add questions before publishing";
    SurveyNotOpen => "本次调查不在作答时间内。", "本次調查不在作答時間內。", "This survey is not open for answers.";
    SurveyNumberOutOfRange => "数字超出允许范围", "數字超出允許範圍", "The number is out of range";
    SurveyOpensOn => "开始日期", "開始日期", "Opens on";
    SurveyOption => "选项", "選項", "Option";
    SurveyOptions => "选项", "選項", "Options";
    SurveyOther => "其他", "其他", "Other";
    SurveyOtherEmpty => "选择“其他”时请注明", "選擇「其他」時請註明", "Please specify “other”";
    SurveyOtherSpecify => "其他，请注明", "其他，請註明", "Other, please specify";
    SurveyPeriod => "调查时间", "調查時間", "Open";
    SurveyPhaseClosed => "已结束", "已結束", "Closed";
    SurveyPhaseDraft => "草稿", "草稿", "Draft";
    SurveyPhaseNotYet => "未开始", "未開始", "Not yet open";
    SurveyPhaseOpen => "进行中", "進行中", "Open";
    SurveyPoints => "分值档数（2–10）", "分值檔數（2–10）", "Points (2–10)";
    SurveyPreview => "预览：本调查尚未开放，提交按钮不可用。", "預覽：本調查尚未開放，提交按鈕不可用。", "Preview: this survey is not open, so it cannot be submitted.";
    SurveyPreviewLink => "预览", "預覽", "Preview";
    SurveyPrivacy => "本问卷不收集姓名和联系方式；答卷只用于统计。", "本問卷不收集姓名和聯絡方式；答卷只用於統計。", "This survey collects no names or contact details; answers are used for statistics only.";
    SurveyPublicPage => "公开页面", "公開頁面", "Public page";
    SurveyPublicText => "公开填空题的文字答案", "公開填空題的文字答案", "Publish free-text answers";
    SurveyPublish => "发布", "發布", "Publish";
    SurveyQuestions => "题目", "題目", "Questions";
    SurveyReopen => "重新开放", "重新開放", "Reopen";
    SurveyReopenDates => "结束日期已过，请先修改结束日期", "結束日期已過，請先修改結束日期", "The closing date has passed; change it first";
    SurveyRequired => "本题为必答题", "本題為必答題", "This question must be answered";
    SurveyResponses => "答卷数", "答卷數", "Responses";
    SurveyResults => "调查结果", "調查結果", "Results";
    SurveyResultsLater => "调查结束后公布结果。", "調查結束後公布結果。", "The results are published when the survey closes.";
    SurveyResultsAfterClose => "结束后公布结果", "結束後公布結果", "Results after closing";
    SurveyResultsImmediately => "实时公布结果", "即時公布結果", "Results at once";
    SurveyResultsWhen => "结果公布", "結果公布", "Results shown";
    SurveyRow => "评价项", "評價項", "Item";
    SurveyRows => "矩阵的行", "矩陣的行", "Matrix rows";
    SurveySection => "所属部分", "所屬部分", "Section";
    SurveySettings => "调查设置", "調查設定", "Settings";
    SurveyShare => "比例", "比例", "Share";
    SurveyTemplate => "使用测评模板（政务公开、信息公开、公开渠道建设、政务服务四大类）", "使用測評範本（政務公開、資訊公開、公開渠道建設、政務服務四大類）", "Start from the assessment template (four areas: open government, disclosure, channels, services)";
    SurveyTextAnswers => "文字答案数", "文字答案數", "Written answers";
    SurveyTexts => "文字答案", "文字答案", "Written answers";
    SurveyThanks => "提交成功，感谢您的参与！", "提交成功，感謝您的參與！", "Thank you for taking part!";
    SurveyThanksLead => "您的答卷已保存。", "您的答卷已儲存。", "Your answers have been saved.";
    SurveyTitleLabel => "调查名称", "調查名稱", "Title";
    SurveyTooFew => "选择的项数少于要求", "選擇的項數少於要求", "Too few choices";
    SurveyTooMany => "选择的项数超过上限", "選擇的項數超過上限", "Too many choices";
    SurveyTooManyFromAddress => "同一网络提交过于频繁，请稍后再试。", "同一網路提交過於頻繁，請稍後再試。", "Too many answers from your network; please try again later.";
    SurveyTooManyOptions => "选项过多", "選項過多", "Too many options";
    SurveysAdmin => "网上调查管理", "網上調查管理", "Surveys";
    SurveysAdminLead => "设计问卷、发布调查、查看实时统计并导出答卷。", "設計問卷、發布調查、查看即時統計並匯出答卷。", "Build questionnaires, open surveys, follow the counts and export the answers.";
    ExportResponsesCsv => "导出答卷（CSV）", "匯出答卷（CSV）", "Export answers (CSV)";
    ReportUnit => "报告单位", "報告單位", "Reporting body";
    ReportWholeCounty => "全县（县人民政府）", "全縣（縣人民政府）", "The whole county";
    ReportShow => "查看", "查看", "Show";
    ReportProvisional => "本年度尚未结束，以下为截至今日的数据。", "本年度尚未結束，以下為截至今日的資料。", "The year is not over: these are the figures so far.";
    ReportGenerated => "本报告依据《中华人民共和国政府信息公开条例》规定的格式，由本门户根据政府信息公开目录和依申请公开办件的实时数据生成。", "本報告依據《中華人民共和國政府資訊公開條例》規定的格式，由本入口網站根據政府資訊公開目錄和依申請公開辦件的即時資料產生。", "Generated by the portal from the live catalog and request data, in the structure the Regulations prescribe.";
    ReportBalanced => "勾稽校验：本年新收 + 上年结转 = 办结总计 + 结转下年度，各列均相符。", "勾稽校驗：本年新收 + 上年結轉 = 辦結總計 + 結轉下年度，各列均相符。", "Balance check passed: received + carried in = handled + carried over, in every column.";
    ReportUnbalanced => "勾稽校验未通过，请核查以下各列：", "勾稽校驗未通過，請核查以下各列：", "Balance check failed; check these columns: ";
    TakeSurvey => "参加调查", "參加調查", "Take the survey";
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
    RatingDashboard => "好差评分析", "好差評分析", "Ratings dashboard";
    MonthlyTrend => "近 12 个月好评率", "近 12 個月好評率", "Good ratings over the last 12 months";
    Month => "月份", "月份", "Month";
    UnitsOfConcern => "差评较多或整改逾期的单位", "差評較多或整改逾期的單位", "Units with the most bad ratings or overdue rectifications";
    PauseScrolling => "暂停滚动", "暫停捲動", "Pause scrolling";
    ResumeScrolling => "继续滚动", "繼續捲動", "Resume scrolling";
    RatingVerySatisfied => "非常满意", "非常滿意", "Very satisfied";
    RatingSatisfied => "满意", "滿意", "Satisfied";
    RatingBasic => "基本满意", "基本滿意", "Fairly satisfied";
    RatingUnsatisfied => "不满意", "不滿意", "Unsatisfied";
    RatingVeryUnsatisfied => "非常不满意", "非常不滿意", "Very unsatisfied";
    AspectEfficiency => "办事效率", "辦事效率", "Speed";
    AspectAttitude => "服务态度", "服務態度", "Attitude";
    AspectGuide => "办事指南准确性", "辦事指南準確性", "Accuracy of the guide";
    AspectConvenience => "便捷程度", "便捷程度", "Convenience";
    NotScored => "不评分", "不評分", "No score";
    RateHeading => "评价本次办理（好差评）", "評價本次辦理（好差評）", "Rate this case";
    RateLead => "办件已办结。每件只能评价一次；“不满意”和“非常不满意”将转交单位整改并回访。", "辦件已辦結。每件只能評價一次；「不滿意」和「非常不滿意」將轉交單位整改並回訪。", "The case is finished. Each case can be rated once; an unsatisfied rating goes to the unit to put right, and the unit calls you back.";
    RatingLevelLabel => "总体评价", "總體評價", "Overall rating";
    SubScores => "分项评分（可选，5 分最高）", "分項評分（可選，5 分最高）", "Scores (optional, 5 is best)";
    RatingComment => "意见建议", "意見建議", "Comments";
    RatingCommentHint => "不满意时请写明原因；评价内容会公开，请勿填写个人信息", "不滿意時請寫明原因；評價內容會公開，請勿填寫個人資訊", "If unsatisfied, say why; comments are published, so leave out personal details";
    SubmitRating => "提交评价", "提交評價", "Submit rating";
    RatingSaved => "评价已提交，感谢您的反馈", "評價已提交，感謝您的回饋", "Thank you, your rating is saved";
    YourRating => "您的评价", "您的評價", "Your rating";
    Rectification => "差评整改", "差評整改", "Rectification";
    RectDueOn => "整改期限", "整改期限", "due";
    RectExplanation => "情况说明", "情況說明", "What happened";
    RectRemedy => "整改措施", "整改措施", "What was put right";
    RectCallback => "回访记录", "回訪記錄", "Callback to the citizen";
    SecondRating => "整改后再评价", "整改後再評價", "Rating after the rectification";
    RatingsTitle => "好差评", "好差評", "Public ratings";
    RatingsLead => "群众对办件、窗口服务和来信办理的评价：好评率、各等级数量、单位和事项排名及整改情况", "群眾對辦件、窗口服務和來信辦理的評價：好評率、各等級數量、單位和事項排名及整改情況", "How citizens rated their cases, service windows and hotline letters: share of good ratings, counts per level, rankings of units and matters, and rectifications";
    PeriodFrom => "开始日期", "開始日期", "From";
    PeriodTo => "结束日期", "結束日期", "To";
    Show => "查看", "查看", "Show";
    GoodRate => "好评率", "好評率", "Good ratings";
    RatingsTotal => "评价数", "評價數", "Ratings";
    RatingsPerLevel => "各评价等级数量", "各評價等級數量", "Ratings per level";
    Count => "数量", "數量", "Count";
    UnitRanking => "单位排名", "單位排名", "Units ranked";
    MatterRanking => "事项排名", "事項排名", "Matters ranked";
    PublicComments => "评价意见与单位回复", "評價意見與單位回覆", "Comments and replies";
    NoRatingsYet => "该时段暂无评价", "該時段暫無評價", "No ratings in this period";
    UnitReply => "单位回复", "單位回覆", "The unit replies";
    Rank => "名次", "名次", "Rank";
    Name => "名称", "名稱", "Name";
    BadRatings => "差评", "差評", "Bad ratings";
    StaffRatingsTitle => "好差评与整改", "好差評與整改", "Ratings and rectifications";
    AllRatings => "全部评价", "全部評價", "All ratings";
    PendingAppeals => "待裁定申诉", "待裁定申訴", "Appeals to decide";
    OpenRectifications => "待整改", "待整改", "Open rectifications";
    OverdueRectifications => "逾期整改", "逾期整改", "Overdue";
    RatingRemoved => "已撤销（申诉成立）", "已撤銷（申訴成立）", "Removed (appeal upheld)";
    Overdue => "已逾期", "已逾期", "overdue";
    Appeal => "申诉", "申訴", "Appeal";
    SendRectification => "提交整改情况", "提交整改情況", "Send the rectification";
    AppealRating => "申诉此评价", "申訴此評價", "Appeal this rating";
    AppealReason => "申诉理由（误评、恶意评价等）", "申訴理由（誤評、惡意評價等）", "Why the rating is mistaken or malicious";
    AppealDecision => "裁定", "裁定", "Decision";
    AppealUphold => "申诉成立，撤销评价", "申訴成立，撤銷評價", "Uphold: remove the rating";
    AppealDismiss => "驳回申诉", "駁回申訴", "Dismiss";
    DecisionNote => "裁定说明", "裁定說明", "Reasons";
    Decide => "提交裁定", "提交裁定", "Decide";
    RectOpen => "待整改", "待整改", "open";
    RectAnswered => "已整改，待再评价", "已整改，待再評價", "answered, awaiting the second rating";
    RectRerated => "已再评价", "已再評價", "rated again";
    RateWhenFinished => "办件办结后才能评价", "辦件辦結後才能評價", "A case can be rated once it is finished";
    AlreadyRated => "该办件已评价过，每件只能评价一次", "該辦件已評價過，每件只能評價一次", "This case has already been rated; each case is rated once";
    AlreadyAppealed => "该评价已申诉过", "該評價已申訴過", "This rating has already been appealed";
    ScoreOutOfRange => "请选择 1 至 5 分", "請選擇 1 至 5 分", "Choose a score from 1 to 5";
    RatingChannelCase => "办件评价", "辦件評價", "Case";
    RatingChannelWindow => "窗口评价", "窗口評價", "Service window";
    RatingChannelLetter => "来信评价", "來信評價", "Hotline letter";
    RatingChannels => "统计办件评价、窗口评价和市长热线来信评价", "統計辦件評價、窗口評價和市長熱線來信評價", "Counts the ratings of cases, of service windows and of hotline letters";
    MatterNotOfUnit => "该事项不属于所选单位", "該事項不屬於所選單位", "This matter does not belong to the chosen unit";
    VisitCount => "生成评价码数量（1–500）", "生成評價碼數量（1–500）", "How many visit codes (1–500)";
    CampaignClosed => "该评价活动已结束，感谢您的关注", "該評價活動已結束，感謝您的關注", "This rating campaign has ended. Thank you.";
    VisitCodeInvalid => "评价码不正确，请核对评价卡上的 8 位评价码", "評價碼不正確，請核對評價卡上的 8 位評價碼", "The visit code is not right; check the 8 characters on your slip";
    VisitAlreadyRated => "该评价码已使用，每次办事只能评价一次", "該評價碼已使用，每次辦事只能評價一次", "This visit code has been used; each visit can be rated once";
    RateVisitHeading => "评价本次服务", "評價本次服務", "Rate this visit";
    RateVisitLead => "请输入评价卡上的评价码后评价；每个评价码只能使用一次。", "請輸入評價卡上的評價碼後評價；每個評價碼只能使用一次。", "Enter the visit code from your slip, then rate; each code can be used once.";
    VisitCodeLabel => "评价码", "評價碼", "Visit code";
    VisitCodeHint => "8 位字母和数字，例如 K7MQ-P3XW；扫描评价卡二维码会自动填写", "8 位字母和數字，例如 K7MQ-P3XW；掃描評價卡二維碼會自動填寫", "8 letters and digits, e.g. K7MQ-P3XW; scanning the slip's QR code fills it in";
    CampaignOpen => "进行中", "進行中", "Open";
    CampaignClosedShort => "已结束", "已結束", "Closed";
    CampaignsTitle => "窗口评价活动", "窗口評價活動", "Service window rating campaigns";
    CampaignsLead => "为服务窗口或事项开设评价活动：张贴二维码、发放评价卡，群众用手机扫码评价，一次办事一次评价。", "為服務窗口或事項開設評價活動：張貼二維碼、發放評價卡，群眾用手機掃碼評價，一次辦事一次評價。", "Open a rating campaign for a service window or matter: put up the QR code, hand out slips, and citizens rate each visit once on their phones.";
    CampaignTitleLabel => "活动名称", "活動名稱", "Campaign";
    CampaignWhere => "单位 · 事项 · 窗口", "單位 · 事項 · 窗口", "Unit · matter · window";
    CampaignRatedOfVisits => "已评价 / 评价码", "已評價 / 評價碼", "Rated / codes";
    NewCampaign => "开设评价活动", "開設評價活動", "New campaign";
    CampaignUnit => "所属单位", "所屬單位", "Unit";
    CampaignMatter => "事项（可选）", "事項（可選）", "Matter (optional)";
    CampaignAnyMatter => "不限事项", "不限事項", "Any matter";
    CampaignPlace => "窗口或地点（可选）", "窗口或地點（可選）", "Window or place (optional)";
    CampaignPlaceHint => "例如：政务服务中心 3 号窗口", "例如：政務服務中心 3 號窗口", "For example: service centre, window 3";
    CreateCampaign => "开设", "開設", "Open the campaign";
    CampaignPoster => "评价链接和二维码（可打印张贴）", "評價連結和二維碼（可列印張貼）", "Link and QR code (print it for the window)";
    CampaignQr => "评价活动二维码", "評價活動二維碼", "QR code of the campaign";
    VisitCodes => "评价码", "評價碼", "Visit codes";
    VisitCodesLead => "每次办事发放一张评价卡，一个评价码只能评价一次。未使用的评价码：", "每次辦事發放一張評價卡，一個評價碼只能評價一次。未使用的評價碼：", "Hand out one slip per visit; each code rates once. Unused codes:";
    MakeVisits => "生成评价码", "生成評價碼", "Make codes";
    PrintSlips => "打印评价卡", "列印評價卡", "Print slips";
    SlipsLead => "未使用的评价码，每张卡片附二维码，裁开后随办件发放。", "未使用的評價碼，每張卡片附二維碼，裁開後隨辦件發放。", "The unused codes, each slip with its QR code; cut them apart and hand one out with each visit.";
    NoSlips => "没有未使用的评价码，请先生成。", "沒有未使用的評價碼，請先生成。", "No unused codes; make some first.";
    CloseCampaign => "结束活动", "結束活動", "Close the campaign";
    ReopenCampaign => "重新开放", "重新開放", "Reopen the campaign";
    SubmitThrottled => "本地址提交过于频繁，请一小时后再试；如需批量办理请联系服务窗口", "本位址提交過於頻繁，請一小時後再試；如需批量辦理請聯繫服務窗口", "Too many submissions from this address; please try again in an hour, or ask a service window about filing many at once";
    ExportRatingsCsv => "导出评价（CSV）", "匯出評價（CSV）", "Export ratings (CSV)";
    OfficerRanking => "承办人员好评率", "承辦人員好評率", "Good ratings per officer";
    BadRatingNeedsComment => "请简要说明不满意的原因，以便单位整改", "請簡要說明不滿意的原因，以便單位整改", "Say briefly what went wrong, so the unit can put it right";
    MaterialsSection => "申请材料（可选）", "申請材料（可選）", "Supporting documents (optional)";
    LetterAttachments => "附件（可选）", "附件（可選）", "Attachments (optional)";
    LetterAttachmentsHint => "可上传现场照片或相关材料。选择文件后请点击“上传此文件”，已填写的内容不会丢失。", "可上傳現場照片或相關材料。選擇檔案後請點擊「上傳此檔案」，已填寫的內容不會遺失。", "You may attach photos or documents. After choosing a file, press “Upload this file”; nothing you typed is lost.";
    MaterialsHint => "选择文件后请点击“上传此文件”；已上传的文件随申请一并提交，已填写的内容不会丢失。", "選擇檔案後請點擊「上傳此檔案」；已上傳的檔案隨申請一併提交，已填寫的內容不會遺失。", "After choosing a file, press “Upload this file”; uploaded files are filed with the application, and nothing you typed is lost.";
    UploadThisFile => "上传此文件", "上傳此檔案", "Upload this file";
    FromUnit => "受理单位提供", "受理單位提供", "from the unit";
    FromApplicant => "申请人提交", "申請人提交", "from the applicant";
    BoardTitle => "办件公示", "辦件公示", "Live case board";
    BoardLead => "各单位最新受理的办件与累计办理情况，申请人姓名已隐去", "各單位最新受理的辦件與累計辦理情況，申請人姓名已隱去", "The latest cases across units and the running totals; applicants' names are masked";
    TotalFiled => "累计报件数", "累計報件數", "Cases filed";
    TotalDone => "累计办结数", "累計辦結數", "Cases completed";
    DoneRate => "办结率", "辦結率", "Completion rate";
    LatestCases => "最新办件", "最新辦件", "Latest cases";
    PerUnitFigures => "各单位办件情况", "各單位辦件情況", "Figures by unit";
    TopicGovOrg => "机构职能", "機構職能", "Government bodies";
    TopicGeneral => "综合政务", "綜合政務", "General affairs";
    TopicEconomy => "国民经济管理、国有资产监管", "國民經濟管理、國有資產監管", "Economy and state assets";
    TopicFinance => "财政、金融、审计", "財政、金融、審計", "Finance and audit";
    TopicLand => "国土资源、能源", "國土資源、能源", "Land and energy";
    TopicAgriculture => "农业、林业、水利", "農業、林業、水利", "Agriculture, forestry and water";
    TopicIndustry => "工业、交通", "工業、交通", "Industry and transport";
    TopicCommerce => "商贸、海关、旅游", "商貿、海關、旅遊", "Trade and tourism";
    TopicMarket => "市场监管、安全生产监管", "市場監管、安全生產監管", "Market and work safety";
    TopicConstruction => "城乡建设、环境保护", "城鄉建設、環境保護", "Construction and environment";
    TopicEducation => "科技、教育", "科技、教育", "Science and education";
    TopicCulture => "文化、广电、新闻出版", "文化、廣電、新聞出版", "Culture and media";
    TopicHealth => "卫生、体育", "衛生、體育", "Health and sport";
    TopicPopulation => "人口与计划生育、妇女儿童工作", "人口與計劃生育、婦女兒童工作", "Population, women and children";
    TopicLabour => "劳动、人事、监察", "勞動、人事、監察", "Labour and personnel";
    TopicJustice => "公安、安全、司法", "公安、安全、司法", "Police and justice";
    TopicCivil => "民政、扶贫、救灾", "民政、扶貧、救災", "Civil affairs and relief";
    TopicEthnic => "民族、宗教", "民族、宗教", "Ethnic and religious affairs";
    TopicOther => "其他", "其他", "Other";
    GenreDecree => "政府令", "政府令", "Decree";
    GenreDecision => "决定", "決定", "Decision";
    GenreAnnouncement => "公告", "公告", "Announcement";
    GenreCircular => "通告", "通告", "Circular";
    GenreOpinion => "意见", "意見", "Opinion";
    GenreNotice => "通知", "通知", "Notice";
    GenreBulletin => "通报", "通報", "Bulletin";
    GenreReport => "报告", "報告", "Report";
    GenreReply => "批复", "批覆", "Official reply";
    GenreLetter => "函", "函", "Letter";
    GenreMinutes => "纪要", "紀要", "Minutes";
    GenrePlan => "规划", "規劃", "Plan";
    GenreOther => "其他公文", "其他公文", "Other document";
    AudienceCitizens => "公民", "公民", "Citizens";
    AudienceLegalPersons => "法人", "法人", "Legal persons";
    AudienceOrganisations => "其他组织", "其他組織", "Other organisations";
    ValidityValid => "有效", "有效", "In force";
    ValidityLapsed => "失效", "失效", "Lapsed";
    ValidityRepealed => "废止", "廢止", "Repealed";
    DisclosureProactive => "主动公开", "主動公開", "Published proactively";
    DisclosureOnRequest => "依申请公开", "依申請公開", "Disclosed on request";
    EntryUnpublished => "未发布", "未發布", "Not published";
    EntryPublished => "已发布", "已發布", "Published";
    EntryWithdrawn => "已撤回", "已撤回", "Withdrawn";
    RevisionDraft => "草稿", "草稿", "Draft";
    RevisionPending => "待审核", "待審核", "Awaiting review";
    RevisionReturned => "已退回", "已退回", "Returned";
    RevisionApproved => "已审核通过", "已審核通過", "Approved";
    EntryActionCreated => "起草", "起草", "Drafted";
    EntryActionEdited => "修改", "修改", "Edited";
    EntryActionSubmitted => "提交审核", "提交審核", "Submitted for review";
    EntryActionReturned => "退回修改", "退回修改", "Returned for changes";
    EntryActionPublished => "审核通过并发布", "審核通過並發布", "Approved and published";
    EntryActionRevised => "发起修订", "發起修訂", "Revision started";
    EntryActionWithdrawn => "撤回", "撤回", "Withdrawn";
    EntryActionImported => "批量导入", "批量匯入", "Imported";
    EntryActionFileAdded => "添加附件", "添加附件", "Attachment added";
    EntryActionFileRemoved => "删除附件", "刪除附件", "Attachment removed";
    RemoveFile => "删除", "刪除", "Remove";
    CatalogUploadHint => "PDF、OFD、Word、Excel、JPG 或 PNG 格式，单个文件不超过 10 MB，每个版本最多 10 个；审核通过后随正文公开", "PDF、OFD、Word、Excel、JPG 或 PNG 格式，單個檔案不超過 10 MB，每個版本最多 10 個；審核通過後隨正文公開", "PDF, OFD, Word, Excel, JPG or PNG, up to 10 MB each, at most 10 per revision; published with the text once approved";
    CatalogFileErrorType => "只接受 PDF、OFD、Word（.doc/.docx）、Excel（.xls/.xlsx）、JPG 或 PNG 文件（按文件内容识别），未保存", "只接受 PDF、OFD、Word（.doc/.docx）、Excel（.xls/.xlsx）、JPG 或 PNG 檔案（按檔案內容識別），未儲存", "Only PDF, OFD, Word (.doc/.docx), Excel (.xls/.xlsx), JPG or PNG files are accepted (checked by content); not saved";
    CatalogFileErrorCount => "附件数量已达上限，或该版本已提交审核，未保存", "附件數量已達上限，或該版本已提交審核，未儲存", "The revision has the most files allowed or is no longer a draft; not saved";
    FileRemoved => "附件已删除", "附件已刪除", "File removed";
    DateInFuture => "日期不能晚于今天", "日期不能晚於今天", "The date cannot be later than today";
    SuccessorOnlyWhenReplaced => "只有失效或废止的信息才填写替代信息", "只有失效或廢止的資訊才填寫替代資訊", "Only a lapsed or repealed entry has a successor";
    SuccessorNotFound => "未找到该索引号对应的已发布信息", "未找到該索引號對應的已發布資訊", "No published entry has this index number";
    EntryStateChanged => "该信息的状态已变化，请刷新后再操作", "該資訊的狀態已變化，請重新整理後再操作", "This entry has changed state; reload and try again";
    ReturnNeedsNote => "退回时请写明修改意见", "退回時請寫明修改意見", "Say what needs changing";
    WithdrawNeedsReason => "撤回时请写明理由", "撤回時請寫明理由", "Give the reason for withdrawal";
    ReviewOwnDraft => "不能审核自己起草的信息，请由本单位其他审核员审核", "不能審核自己起草的資訊，請由本單位其他審核員審核", "You cannot approve your own draft; another reviewer of the unit must";
    After => "修改后", "修改後", "After";
    Before => "修改前", "修改前", "Before";
    Field => "字段", "欄位", "Field";
    AllAudiences => "全部服务对象", "全部服務對象", "All audiences";
    AllTopics => "全部主题", "全部主題", "All topics";
    AllUnits => "全部发布机构", "全部發布機構", "All units";
    ApproveAndPublish => "审核通过并发布", "審核通過並發布", "Approve and publish";
    AtomFeed => "订阅本目录（Atom）", "訂閱本目錄（Atom）", "Subscribe (Atom feed)";
    BodyHint => "可使用段落、标题、列表、表格和链接；脚本和样式会被清除", "可使用段落、標題、列表、表格和連結；指令碼和樣式會被清除", "Paragraphs, headings, lists, tables and links are kept; scripts and styles are removed";
    BrowseByAudience => "按服务对象", "按服務對象", "By audience";
    BrowseByTopic => "按主题", "按主題", "By topic";
    BrowseByUnit => "按发布机构", "按發布機構", "By unit";
    BrowseCatalog => "目录分类", "目錄分類", "Browse the catalog";
    CatalogAdmin => "信息公开目录管理", "資訊公開目錄管理", "Catalog entries";
    CatalogCount => "共 {n} 条信息（目录共 {all} 条）", "共 {n} 條資訊（目錄共 {all} 條）", "{n} entries ({all} in the catalog)";
    CatalogFound => "找到 {n} 条相关信息", "找到 {n} 條相關資訊", "{n} entries found";
    CatalogFoundMany => "找到 {n} 条以上相关信息，按发布时间从新到旧排列；加上更多词语或筛选条件可缩小范围", "找到 {n} 條以上相關資訊，按發布時間從新到舊排列；加上更多詞語或篩選條件可縮小範圍", "More than {n} entries found, newest first; add words or filters to narrow them down";
    CatalogNoResults => "没有找到符合条件的信息。请换用其他关键词，或减少筛选条件。", "沒有找到符合條件的資訊。請換用其他關鍵詞，或減少篩選條件。", "Nothing matches. Try other words or fewer filters.";
    CatalogSearchHint => "可输入标题、文号或内容中的词，简体繁体均可", "可輸入標題、文號或內容中的詞，簡體繁體均可", "Words from the title, document number or text; simplified or traditional characters";
    CatalogSearchLabel => "搜索公开信息", "搜尋公開資訊", "Search the catalog";
    DocNoHint => "如：青政办〔2026〕12号；没有可不填", "如：青政辦〔2026〕12號；沒有可不填", "e.g. 青政办〔2026〕12号; leave empty if none";
    EntryActions => "审核与发布", "審核與發布", "Review and publishing";
    EntryAudience => "服务对象", "服務對象", "Audience";
    EntryBody => "正文", "正文", "Text";
    EntryDisclosure => "公开方式", "公開方式", "Disclosure";
    EntryDocNo => "文号", "文號", "Document number";
    EntryGenre => "体裁", "體裁", "Genre";
    EntryIndexNo => "索引号", "索引號", "Index number";
    EntryKeywords => "关键词", "關鍵詞", "Keywords";
    EntryPublishedOn => "发布日期", "發布日期", "Published";
    EntryReplacedBy => "本信息已被以下信息替代：", "本資訊已被以下資訊替代：", "This entry has been replaced by:";
    EntryReplaces => "本信息替代了", "本資訊替代了", "This entry replaces";
    EntrySaved => "已保存", "已儲存", "Saved";
    EntryStateLabel => "状态", "狀態", "State";
    EntrySuccessor => "替代信息的索引号", "替代資訊的索引號", "Index number of the successor";
    EntrySummary => "内容概述", "內容概述", "Summary";
    EntryTitle => "名称", "名稱", "Title";
    EntryTopic => "主题分类", "主題分類", "Topic";
    EntryUnit => "发布机构", "發布機構", "Publishing unit";
    EntryUpdatedOn => "更新日期", "更新日期", "Updated";
    EntryValidity => "有效性", "有效性", "Validity";
    EntryWithdrawnNotice => "本信息已撤回。撤回理由：", "本資訊已撤回。撤回理由：", "This entry has been withdrawn. Reason:";
    EntryWrittenOn => "成文日期", "成文日期", "Date written";
    GuideMissing => "本单位尚未发布政府信息公开指南。", "本單位尚未發布政府資訊公開指南。", "This unit has not published its guide yet.";
    History => "操作记录", "操作記錄", "History";
    KeywordsHint => "用逗号或空格分隔", "用逗號或空格分隔", "Separate with commas or spaces";
    MoreFilters => "更多筛选：发布机构、主题、服务对象、日期", "更多篩選：發布機構、主題、服務對象、日期", "More filters: unit, topic, audience, dates";
    NewEntry => "起草新信息", "起草新資訊", "Draft a new entry";
    NextPage => "下一页", "下一頁", "Next";
    PrevPage => "上一页", "上一頁", "Previous";
    Pages => "分页", "分頁", "Pages";
    NoChanges => "与上一版相同", "與上一版相同", "Same as the previous revision";
    NoEntries => "没有信息", "沒有資訊", "No entries";
    Open => "打开", "開啟", "Open";
    OpenRevision => "修订稿", "修訂稿", "Revision in work:";
    PendingReview => "待审核 {n} 条", "待審核 {n} 條", "{n} awaiting review";
    PublishedFrom => "发布日期起", "發布日期起", "Published from";
    PublishedTo => "发布日期止", "發布日期止", "Published until";
    ReturnToOfficer => "退回修改", "退回修改", "Return for changes";
    ReturnedWithNote => "审核员退回，意见：", "審核員退回，意見：", "Returned by the reviewer:";
    ReviewNote => "修改意见", "修改意見", "What needs changing";
    RevisionLabel => "版本", "版本", "Revision";
    Revisions => "版本与修改对比", "版本與修改對比", "Revisions and changes";
    SaveDraft => "保存草稿", "儲存草稿", "Save draft";
    ShowAll => "全部", "全部", "All";
    StartRevision => "修订此信息", "修訂此資訊", "Revise this entry";
    SubmitForReview => "提交审核", "提交審核", "Submit for review";
    SuccessorHint => "仅失效或废止时填写，如 11341702486344515H/2026-00013", "僅失效或廢止時填寫，如 11341702486344515H/2026-00013", "Only for a lapsed or repealed entry, e.g. 11341702486344515H/2026-00013";
    SummaryHint => "不超过 300 字", "不超過 300 字", "Up to 300 characters";
    UnitEntries => "本单位公开的信息", "本單位公開的資訊", "This unit's entries";
    UnitGuide => "政府信息公开指南", "政府資訊公開指南", "Guide to disclosure";
    CsvRowUnreadable => "该行无法读取（引号或列数有误）", "該行無法讀取（引號或欄數有誤）", "The row cannot be read (quotes or column count)";
    CsvUnknownUnit => "没有这个发布机构，请填写完整的单位名称", "沒有這個發布機構，請填寫完整的單位名稱", "No such unit; give its full name";
    CsvNotYourUnit => "您不是该单位的审核员，不能为其导入", "您不是該單位的審核員，不能為其匯入", "You are not a reviewer of this unit";
    CsvIndexTaken => "该索引号已被使用", "該索引號已被使用", "This index number is taken";
    ImportTitle => "批量导入", "批量匯入", "Bulk import";
    ImportLead => "从原网站导出的已公开信息可以批量导入，导入后直接发布并记入操作记录。文件为 CSV（UTF-8 或 GBK 编码），第一行为列名，列名与导出文件相同：", "從原網站匯出的已公開資訊可以批量匯入，匯入後直接發布並記入操作記錄。檔案為 CSV（UTF-8 或 GBK 編碼），第一行為欄名，欄名與匯出檔案相同：", "Entries already public on an earlier site can be imported; they are published at once and recorded in the history. The file is CSV (UTF-8 or GBK) with a header line naming the export's columns:";
    ImportFileLabel => "选择 CSV 文件（不超过 10 MB，最多 10 万行）", "選擇 CSV 檔案（不超過 10 MB，最多 10 萬行）", "CSV file (up to 10 MB and 100,000 rows)";
    ImportStart => "开始导入", "開始匯入", "Start the import";
    ImportErrorSize => "文件超过 10 MB", "檔案超過 10 MB", "The file is larger than 10 MB";
    ImportErrorRows => "文件没有数据行，或超过 10 万行", "檔案沒有資料行，或超過 10 萬行", "The file has no rows, or more than 100,000";
    ImportProgress => "已处理 {done}/{total} 行：导入 {imported} 条，未导入 {rejected} 条。", "已處理 {done}/{total} 行：匯入 {imported} 條，未匯入 {rejected} 條。", "{done} of {total} rows read: {imported} imported, {rejected} rejected.";
    ImportFinished => "导入完成。", "匯入完成。", "Finished.";
    ImportNoRejects => "所有行均已导入。", "所有行均已匯入。", "Every row was imported.";
    ImportRejected => "未导入的行及原因", "未匯入的行及原因", "Rows not imported, and why";
    ImportLine => "行号", "行號", "Line";
    ImportProblems => "原因", "原因", "Problems";
    ExportCsv => "导出已发布信息（CSV）", "匯出已發布資訊（CSV）", "Export published entries (CSV)";
    UnitGuides => "公开指南管理", "公開指南管理", "Units' guides";
    UpdatedAt => "更新时间", "更新時間", "Updated";
    WithdrawEntry => "撤回此信息", "撤回此資訊", "Withdraw this entry";
    WithdrawReason => "撤回理由", "撤回理由", "Reason for withdrawal";
    LetterConsult => "咨询", "諮詢", "Enquiry";
    LetterComplaint => "投诉", "投訴", "Complaint";
    LetterSuggestion => "建议", "建議", "Suggestion";
    LetterHelp => "求助", "求助", "Request for help";
    LetterReport => "举报", "舉報", "Report of wrongdoing";
    LetterStatusReceived => "待受理", "待受理", "Awaiting the desk";
    LetterStatusRouted => "办理中", "辦理中", "Being handled";
    LetterStatusAnswered => "已答复", "已答覆", "Answered";
    LetterStatusClosed => "已办结", "已辦結", "Closed";
    LetterStatusRejected => "不予受理", "不予受理", "Not accepted";
    LetterStatusMerged => "已合并办理", "已合併辦理", "Merged with another letter";
    SatisfactionSatisfied => "满意", "滿意", "Satisfied";
    SatisfactionBasic => "基本满意", "基本滿意", "Fairly satisfied";
    SatisfactionUnsatisfied => "不满意", "不滿意", "Unsatisfied";
    LetterStepReceived => "来信受理", "來信受理", "Letter received";
    LetterStepRouted => "交办", "交辦", "Routed to a unit";
    LetterStepRejected => "不予受理", "不予受理", "Not accepted";
    LetterStepMerged => "合并办理", "合併辦理", "Merged with another letter";
    LetterStepAnswered => "答复", "答覆", "Answered";
    LetterStepExtensionAsked => "申请延期", "申請延期", "Extension asked";
    LetterStepExtended => "延期", "延期", "Extended";
    LetterStepReturned => "退回重新交办", "退回重新交辦", "Sent back for re-routing";
    LetterStepReminded => "催办", "催辦", "Reminder";
    LetterStepEscalated => "督办", "督辦", "Escalated";
    LetterStepRated => "来信人评价", "來信人評價", "Rated by the writer";
    LetterStepReopened => "不满意，重新办理", "不滿意，重新辦理", "Reopened after an unsatisfied rating";
    LetterStepRedacted => "公开内容处理", "公開內容處理", "Public text edited";
    ActRoute => "交办", "交辦", "Route to a unit";
    LetterActReject => "不予受理", "不予受理", "Reject as invalid";
    ActMerge => "合并重复来信", "合併重複來信", "Merge as a duplicate";
    LetterActAnswer => "答复来信", "答覆來信", "Answer";
    ActAskExtension => "申请延期", "申請延期", "Ask for more time";
    LetterActExtend => "批准延期", "批准延期", "Grant more time";
    ActReturn => "退回热线办", "退回熱線辦", "Send back to the desk";
    ActRemind => "催办", "催辦", "Send a reminder";
    ActEscalate => "督办", "督辦", "Escalate";
    ActRedact => "处理公开内容", "處理公開內容", "Edit the public text";
    AddresseeLabel => "收信人", "收信人", "Addressed to";
    AllTypes => "全部类型", "全部類型", "All types";
    AllReplyingUnits => "全部答复单位", "全部答覆單位", "All replying units";
    AlreadyRouted => "已交办给该单位", "已交辦給該單位", "Already routed to that unit";
    AnswerRate => "答复率", "答覆率", "Answer rate";
    AnsweredOn => "答复日期", "答覆日期", "Answered on";
    AverageDays => "平均答复用时（工作日）", "平均答覆用時（工作日）", "Average working days to answer";
    BackToLetters => "返回来信列表", "返回來信列表", "Back to the letters";
    ByType => "按来信类型", "按來信類型", "By type";
    ByUnit => "按办理单位", "按辦理單位", "By unit";
    ChooseAddressee => "请选择收信人", "請選擇收信人", "Choose whom to write to";
    ChooseLetterType => "请选择来信类型", "請選擇來信類型", "Choose the type of letter";
    ChooseMonth => "选择月份", "選擇月份", "Choose a month";
    ExtensionAsked => "申请延期", "申請延期", "asked for";
    FinishedLetters => "已结束的来信", "已結束的來信", "Finished letters";
    HandlingUnit => "办理单位", "辦理單位", "Handling unit";
    HotlineLimitsNote => "来信由热线办受理后交有关单位办理：紧急事项当日答复，咨询、求助 3 个工作日内答复，建议、投诉、举报 13 个工作日内答复。", "來信由熱線辦受理後交有關單位辦理：緊急事項當日答覆，諮詢、求助 3 個工作日內答覆，建議、投訴、舉報 13 個工作日內答覆。", "The hotline desk routes each letter to the units concerned: urgent matters are answered the same day, enquiries and requests for help within 3 working days, suggestions, complaints and reports within 13.";
    LeaderMailboxSuffix => "负责人信箱", "負責人信箱", " – leader's mailbox";
    LetterAlarmTitle => "超过三个月未答复的来信", "超過三個月未答覆的來信", "Letters unanswered for more than three months";
    LetterAlarmLead => "政府网站检查中，任何有效留言超过 3 个月未答复即为单项否决，请立即办理。", "政府網站檢查中，任何有效留言超過 3 個月未答覆即為單項否決，請立即辦理。", "In the national site inspection, any valid message unanswered for more than 3 months fails the site outright. Deal with these now.";
    LetterContentHint => "请写明事情经过、诉求和涉及的地点、时间", "請寫明事情經過、訴求和涉及的地點、時間", "Say what happened, what you ask for, where and when";
    LetterContentLabel => "来信内容", "來信內容", "Your letter";
    LetterDetail => "来信详情", "來信詳情", "Letter";
    LetterExtensionDays => "延期天数应为 1 至 15 个工作日", "延期天數應為 1 至 15 個工作日", "An extension is 1 to 15 working days";
    LetterFactsTitle => "来信信息", "來信資訊", "The letter";
    LetterNumber => "受理编号", "受理編號", "Letter number";
    LetterPassword => "查询密码", "查詢密碼", "Query password";
    LetterPrivacyNotice => "您的姓名和联系方式仅用于办理和回访，不会公开。", "您的姓名和聯繫方式僅用於辦理和回訪，不會公開。", "Your name and contact details are used only to handle your letter and call you back; they are never published.";
    LetterQueue => "来信办理", "來信辦理", "Hotline letters";
    LetterQueueLead => "热线办受理、交办和督办来信；各单位办理交给本单位的来信", "熱線辦受理、交辦和督辦來信；各單位辦理交給本單位的來信", "The desk accepts, routes and supervises letters; each unit answers the letters routed to it";
    LetterRatedThanks => "感谢您的评价。", "感謝您的評價。", "Thank you for your rating.";
    LetterReceiptLead => "请保存受理编号和查询密码，用于查询办理进度和答复", "請保存受理編號和查詢密碼，用於查詢辦理進度和答覆", "Keep the letter number and the password to follow your letter and read the answer";
    LetterReceiptTitle => "来信回执", "來信回執", "Letter receipt";
    LetterSection => "来信", "來信", "Your letter";
    LetterStatsLead => "每月来信数、答复数、答复率和平均答复用时，按类型和办理单位统计", "每月來信數、答覆數、答覆率和平均答覆用時，按類型和辦理單位統計", "Letters received and answered each month, the answer rate and the average time to answer, by type and by unit";
    LetterStatsTitle => "来信统计", "來信統計", "Letter statistics";
    LetterSubjectLabel => "来信标题", "來信標題", "Subject";
    LetterTypeLabel => "来信类型", "來信類型", "Type of letter";
    LettersAnswered => "答复数", "答覆數", "Answered";
    LettersFound => "公开来信", "公開來信", "Published letters";
    LettersReceived => "来信数", "來信數", "Received";
    LocationHint => "如涉及具体地点，请填写", "如涉及具體地點，請填寫", "Where it is, if it concerns a place";
    LocationLabel => "事发地点", "事發地點", "Location";
    MayorMailbox => "县长信箱", "縣長信箱", "The county head's mailbox";
    MergeTargetInvalid => "请填写另一封有效来信的受理编号", "請填寫另一封有效來信的受理編號", "Enter the number of another valid letter";
    MergeTargetLabel => "与之重复的来信受理编号", "與之重複的來信受理編號", "Number of the letter it duplicates";
    MergedInto => "合并至", "合併至", "Merged into";
    NextMonth => "下个月", "下個月", "Next month";
    NoLetters => "暂无来信。", "暫無來信。", "No letters.";
    NoPublicLetters => "没有符合条件的公开来信。", "沒有符合條件的公開來信。", "No published letters match.";
    OpenLetters => "待办来信", "待辦來信", "Letters to deal with";
    Pagination => "分页", "分頁", "Pages";
    PrevMonth => "上个月", "上個月", "Previous month";
    PublicLetters => "公开来信选登", "公開來信選登", "Published letters";
    PublicNo => "不公开", "不公開", "Not to be published";
    PublicOkLabel => "同意在网站公开我的来信内容和答复（不公开姓名和联系方式）", "同意在網站公開我的來信內容和答覆（不公開姓名和聯繫方式）", "My letter and its answer may be published on the site (never my name or contact details)";
    PublicYes => "同意公开", "同意公開", "May be published";
    PublicationLabel => "是否公开", "是否公開", "Publication";
    RateReply => "评价答复", "評價答覆", "Rate the answer";
    RateReplyLead => "请评价本次答复。选择“不满意”并说明理由，来信将退回重新办理。", "請評價本次答覆。選擇「不滿意」並說明理由，來信將退回重新辦理。", "Rate the answer. Choose “unsatisfied” and say why, and the letter goes back to be handled again.";
    RateReplyLastLead => "来信已重新办理一次，本次评价后办结。", "來信已重新辦理一次，本次評價後辦結。", "The letter has been handled again once; this rating closes it.";
    ReceivedOn => "来信日期", "來信日期", "Received on";
    RedactLead => "公开前删去涉及个人隐私等不宜公开的内容；电话和身份证号已自动遮盖。", "公開前刪去涉及個人隱私等不宜公開的內容；電話和身分證號已自動遮蓋。", "Before publication remove anything private; phone and ID numbers are masked already.";
    Refresh => "刷新页面", "重新整理頁面", "Reload the page";
    PageOutdated => "网站已更新，请刷新本页后再试。", "網站已更新，請重新整理本頁後再試。", "The site has been updated. Please reload this page and try again.";
    Replies => "答复", "答覆", "Answers";
    ReplyLabel => "答复内容", "答覆內容", "Answer";
    ReplyingUnit => "答复单位", "答覆單位", "Replying unit";
    ReturnReasonLabel => "退回理由（不属本单位职责等）", "退回理由（不屬本單位職責等）", "Why it is sent back (not this unit's business …)";
    RouteAnswered => "已答复", "已答覆", "answered";
    RouteNoteLabel => "交办意见", "交辦意見", "Instructions";
    RouteOpen => "办理中", "辦理中", "being handled";
    RouteReturned => "已退回", "已退回", "sent back";
    RouteToUnit => "交办单位", "交辦單位", "Route to";
    SatisfactionLabel => "满意度", "滿意度", "Your verdict";
    SearchLetters => "搜索公开来信", "搜尋公開來信", "Search published letters";
    SendLetter => "提交来信", "提交來信", "Send the letter";
    SendRating => "提交评价", "提交評價", "Send the rating";
    UnsatisfiedNeedsReason => "选择不满意时请说明理由", "選擇不滿意時請說明理由", "Say why you are unsatisfied";
    UnsatisfiedReasonLabel => "意见或不满意的理由", "意見或不滿意的理由", "Comments, or why you are unsatisfied";
    Urgent => "紧急", "緊急", "Urgent";
    MarkUrgent => "紧急事项（当日答复）", "緊急事項（當日答覆）", "Urgent (answer the same working day)";
    WaitingForDesk => "待受理", "待受理", "Awaiting the desk";
    WorkingDays => "个工作日", "個工作日", "working days";
    WriteLetter => "我要写信", "我要寫信", "Write a letter";
    WriteLetterLead => "向县长或部门负责人反映问题、提出建议。带 * 的为必填项。", "向縣長或部門負責人反映問題、提出建議。帶 * 的為必填項。", "Raise a problem or make a suggestion to the county head or a unit's leader. Fields marked * are required.";
    WriterNameLabel => "姓名", "姓名", "Your name";
    WriterSection => "来信人", "來信人", "About you";
    // Performance assessment (绩效化管理)
    AssessmentNav => "绩效考核", "績效考核", "Assessment";
    AssessmentTitle => "绩效考核与网站自查", "績效考核與網站自查", "Assessment and site self-audit";
    AssessmentLead => "门户每天对照政府网站检查指标的单项否决项自查，并按六个维度汇总考核数据。", "入口網站每天對照政府網站檢查指標的單項否決項自查，並按六個維度彙總考核資料。", "Every day the portal checks itself against the national site inspection's veto rules, and sums up the assessment in six dimensions.";
    ScoresTitle => "信息发布考核评分", "資訊發布考核評分", "Publishing scores";
    ScoresLead => "按栏目和单位类型设定最低发布频率和权重，系统根据各单位实际发布的信息自动评分、排名。", "按欄目和單位類型設定最低發布頻率和權重，系統根據各單位實際發布的資訊自動評分、排名。", "Minimum publishing frequencies and weights per column and kind of unit; every unit is scored and ranked automatically from what it published.";
    ReportsAdmin => "年度报告撰写", "年度報告撰寫", "Yearly reports";
    ReportsAdminLead => "撰写政府信息公开工作年度报告中由报告单位填写的部分；其余数据由系统根据实时数据生成。", "撰寫政府資訊公開工作年度報告中由報告單位填寫的部分；其餘資料由系統根據即時資料產生。", "Write the parts of the yearly report the reporting body fills in; the rest is generated from live data.";
    PeriodMonth => "每月", "每月", "Monthly";
    PeriodQuarter => "每季度", "每季度", "Quarterly";
    PeriodYear => "每年", "每年", "Yearly";
    ColumnNews => "动态类（两周未更新即为不更新）", "動態類（兩週未更新即為不更新）", "News-like (stale after 2 weeks)";
    ColumnNotice => "通知公告、政策文件类（六个月未更新即为不更新）", "通知公告、政策文件類（六個月未更新即為不更新）", "Notices and policies (stale after 6 months)";
    VetoHomeStale => "首页栏目超过两周未更新", "首頁欄目超過兩週未更新", "Home page not updated for 2 weeks";
    VetoColumnsStale => "栏目不更新（累计5个及以上即单项否决）", "欄目不更新（累計5個及以上即單項否決）", "Stale column (5 or more veto the site)";
    VetoColumnsEmpty => "空白栏目（累计5个及以上即单项否决）", "空白欄目（累計5個及以上即單項否決）", "Empty column (5 or more veto the site)";
    VetoLetterUnanswered => "有效留言超过3个月未答复", "有效留言超過3個月未答覆", "Valid letter unanswered for 3 months";
    MinimumOutOfRange => "请填写 1 至 1000 之间的整数", "請填寫 1 至 1000 之間的整數", "Enter a whole number from 1 to 1000";
    WeightOutOfRange => "请填写 1 至 100 之间的整数", "請填寫 1 至 100 之間的整數", "Enter a whole number from 1 to 100";
    DimOrganisation => "组织体系", "組織體系", "Organisation";
    DimInfrastructure => "基础建设", "基礎建設", "Infrastructure";
    DimDisclosure => "信息公开", "資訊公開", "Information disclosure";
    DimEffect => "应用效果", "應用效果", "Service results";
    DimSharing => "资源共享", "資源共享", "Resource sharing";
    DimSecurity => "信息安全", "資訊安全", "Information security";
    FigStaffedUnits => "已配备信息员和审核员的单位", "已配備資訊員和審核員的單位", "Units with an information officer and a reviewer";
    FigGuides => "已发布公开指南的单位", "已發布公開指南的單位", "Units with a published guide";
    FigPublished => "本年主动公开信息条数", "本年主動公開資訊條數", "Entries published this year";
    FigMeanScore => "各单位信息发布平均得分", "各單位資訊發布平均得分", "Mean publishing score of the units";
    FigCasesOnTime => "本年依申请公开按期办结", "本年依申請公開按期辦結", "Requests answered on time this year";
    FigLettersOnTime => "本年来信按期答复", "本年來信按期答覆", "Letters answered on time this year";
    FigRatingsGood => "本年好差评满意率", "本年好差評滿意率", "Ratings satisfied or better this year";
    FigCleanDays => "近90天自查未触发否决的天数", "近90天自查未觸發否決的天數", "Days without a veto in the last 90 self-audits";
    SectionTooLong => "内容过长（不超过 10000 字）或含有不可见字符", "內容過長（不超過 10000 字）或含有不可見字元", "Too long (10,000 characters at most) or contains invisible characters";
    CountInvalid => "请填写 0 至 100000 之间的整数", "請填寫 0 至 100000 之間的整數", "Enter a whole number from 0 to 100,000";
    HomePage => "门户首页", "入口網站首頁", "Home page";
    AuditPassed => "今日自查：未触发单项否决。", "今日自查：未觸發單項否決。", "Today's self-audit: no veto rule is failed.";
    AuditVetoed => "今日自查触发单项否决：", "今日自查觸發單項否決：", "Today's self-audit fails: ";
    HistorySummary => "近90天已自查 {checked} 天，其中 {vetoed} 天触发单项否决。", "近90天已自查 {checked} 天，其中 {vetoed} 天觸發單項否決。", "In the last 90 days the self-audit ran on {checked} days; {vetoed} of them failed a veto rule.";
    AuditToday => "今日自查", "今日自查", "Today's self-audit";
    NoFindings => "没有发现问题。", "沒有發現問題。", "Nothing found.";
    FindingRule => "问题", "問題", "Problem";
    FindingSubject => "栏目或留言", "欄目或留言", "Column or letter";
    FindingSince => "最近更新或来信日期", "最近更新或來信日期", "Last update or date written";
    FindingResponsible => "责任单位", "責任單位", "Responsible unit";
    Never => "从未更新", "從未更新", "Never";
    SiteAdministrators => "门户网站管理员", "入口網站管理員", "Site administrators";
    AuditHistory => "近90天自查记录", "近90天自查記錄", "Self-audits of the last 90 days";
    VetoedDays => "触发否决的日期", "觸發否決的日期", "Days that failed";
    SixDimensions => "电子政务考核六个维度", "電子政務考核六個維度", "The six dimensions of e-government";
    NoData => "暂无数据", "暫無資料", "No data";
    ScoredOn => "评分日期", "評分日期", "Score as of";
    Ranking => "单位排名", "單位排名", "Ranking of the units";
    NoRules => "尚未设定最低发布频率，暂不评分。", "尚未設定最低發布頻率，暫不評分。", "No minimum frequencies are set yet, so no unit is scored.";
    RankCol => "名次", "名次", "Rank";
    UnitCol => "单位", "單位", "Unit";
    ScoreCol => "得分", "得分", "Score";
    MissingCol => "尚缺条数", "尚缺條數", "Entries missing";
    RulesTitle => "最低发布频率与权重", "最低發布頻率與權重", "Minimum frequencies and weights";
    ColumnCol => "栏目", "欄目", "Column";
    UnitKindCol => "单位类型", "單位類型", "Kind of unit";
    PeriodCol => "考核周期", "考核週期", "Period";
    MinimumCol => "最低发布条数", "最低發布條數", "Minimum entries";
    WeightCol => "权重", "權重", "Weight";
    OwnScoreLine => "得分 {score}，排名第 {rank} 名（共 {of} 个单位）", "得分 {score}，排名第 {rank} 名（共 {of} 個單位）", "Score {score}, ranked {rank} of {of}";
    UnitNotScored => "本单位类型尚无考核要求。", "本單位類型尚無考核要求。", "No minimum applies to this kind of unit.";
    RuleMet => "已达标", "已達標", "met";
    RuleMissing => "还差 {n} 条，须在 {until} 前发布", "還差 {n} 條，須在 {until} 前發布", "{n} more due by {until}";
    SetRule => "设定最低发布频率", "設定最低發布頻率", "Set a minimum frequency";
    SetRuleHint => "同一栏目和单位类型再次设定即覆盖原设定。", "同一欄目和單位類型再次設定即覆蓋原設定。", "Setting the same column and kind of unit again replaces the rule.";
    ColumnClassTitle => "栏目类型", "欄目類型", "Column types";
    ColumnClassHint => "自查时，动态类栏目两周未更新、通知公告和政策文件类栏目六个月未更新，即为不更新栏目。", "自查時，動態類欄目兩週未更新、通知公告和政策文件類欄目六個月未更新，即為不更新欄目。", "The self-audit counts a news-like column stale after 2 weeks without an update, a notice or policy column after 6 months.";
    NewsColumns => "动态类栏目", "動態類欄目", "News-like columns";
    ColumnClassCol => "栏目类型", "欄目類型", "Column type";
    ReportYear => "年度", "年度", "Year";
    ViewPublishedReport => "查看公开的年度报告", "查看公開的年度報告", "See the published report";
    ReportNotWritten => "报告单位尚未撰写本部分。", "報告單位尚未撰寫本部分。", "The reporting body has not written this part yet.";
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

    #[test]
    fn a_message_goes_over_the_wire_as_a_number_and_comes_back() {
        assert_eq!(serde_json::to_string(&Msg::NavHome).unwrap(), Msg::NavHome.wire().to_string());
        for m in Msg::ALL {
            let json = serde_json::to_string(m).unwrap();
            assert!(json.bytes().all(|b| b.is_ascii_digit()), "{json}");
            assert_eq!(serde_json::from_str::<Msg>(&json).unwrap(), *m);
        }
        // A number from another key list (a server or a page of another version) never names some
        // other message.
        let other = (KEYS_DIGEST.wrapping_add(1) as u64) << INDEX_BITS | Msg::NavHome as u64;
        assert_eq!(serde_json::from_str::<Msg>(&other.to_string()).unwrap(), Msg::PageOutdated);
        let beyond = (KEYS_DIGEST as u64) << INDEX_BITS | (Msg::ALL.len() as u64);
        assert_eq!(serde_json::from_str::<Msg>(&beyond.to_string()).unwrap(), Msg::PageOutdated);
        assert_eq!(serde_json::from_str::<Msg>("3").unwrap(), Msg::PageOutdated);
        assert!(serde_json::from_str::<Msg>("-3").is_err());
        assert!(serde_json::from_str::<Msg>("true").is_err());
    }

    #[test]
    fn a_message_kept_in_the_database_is_kept_by_its_name() {
        let errors = vec![("title".to_owned(), Msg::ReportNotWritten), (String::new(), Msg::NavHome)];
        let stored = by_name(|| serde_json::to_string(&errors).unwrap());
        assert_eq!(stored, r#"[["title","ReportNotWritten"],["","NavHome"]]"#);
        // Only inside `by_name`.
        assert_eq!(serde_json::to_string(&Msg::NavHome).unwrap(), Msg::NavHome.wire().to_string());
        assert_eq!(serde_json::from_str::<Vec<(String, Msg)>>(&stored).unwrap(), errors);
        assert_eq!(Msg::from_name("ReportNotWritten"), Some(Msg::ReportNotWritten));
        assert!(serde_json::from_str::<Msg>("\"NoSuchMessage\"").is_err());
    }

    #[test]
    fn the_keys_digest_follows_the_key_list() {
        assert_eq!(KEY_NAMES.len(), Msg::ALL.len());
        assert_eq!(Msg::ALL.iter().map(|m| m.name()).collect::<Vec<_>>(), KEY_NAMES);
        // FNV-1a over the names, each followed by 0xff, worked out here at run time.
        let mut h: u32 = 0x811c_9dc5;
        for b in KEY_NAMES.iter().flat_map(|n| n.bytes().chain([0xff])) {
            h = (h ^ b as u32).wrapping_mul(0x0100_0193);
        }
        assert_eq!(KEYS_DIGEST, h);
    }
}
