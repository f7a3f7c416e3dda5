#include "schema.h"

// The one description of the data (DESIGN.md §3). Tables, migrations, change capture,
// merge, validation and the client's forms are all derived from it, so adding a field is
// one line here (with `since` set to a new kSchemaVersion).

namespace shouwang {
namespace {

using T = FieldType;

constexpr FieldDef kHousehold[] = {
    {"head_name", "户主姓名", "Head of household", T::Text, {}, true},
    {"address", "家庭住址", "Address", T::Text, {}, true},
    {"registered_poor", "建档立卡户", "Registered poor household", T::Bool},
    {"dibao", "低保户", "Minimum-allowance household", T::Bool},
    {"tekun", "特困供养", "Extreme-poverty support", T::Bool},
    {"notes", "备注", "Notes", T::LongText},
};

constexpr FieldDef kElder[] = {
    {"household_id", "所属家庭", "Household", T::Ref, "household"},
    {"name", "姓名", "Name", T::Text, {}, true},
    {"id_number", "身份证号", "ID number", T::IdNumber, {}, true},
    {"phone", "联系电话", "Phone", T::Phone},
    {"ethnicity", "民族", "Ethnicity", T::Text},
    {"marital", "婚姻状况", "Marital status", T::Enum, "marital"},
    {"living", "居住情况", "Living arrangement", T::Enum, "living", true},
    {"left_behind_since", "留守起始日期", "Left behind since", T::Date},
    {"income_sources", "收入来源", "Income sources", T::EnumSet, "income"},
    {"health", "健康状况", "Health", T::Enum, "health"},
    {"ability", "能力等级", "Ability level", T::Enum, "ability"},
    {"dementia", "失智", "Dementia", T::Bool},
    {"chronic_diseases", "慢性病", "Chronic diseases", T::Text},
    {"severe_mental", "严重精神障碍", "Severe mental disorder", T::Bool},
    {"disability_grade", "残疾等级", "Disability grade", T::Enum, "disability"},
    {"insurance", "参保情况", "Insurance", T::EnumSet, "insurance"},
    {"health_mgmt_65", "纳入65岁以上老年人健康管理", "In 65+ health management", T::Bool, {}, false, 2},
    {"daily_carer", "日常照料人", "Daily carer", T::Text},
    {"difficulties", "存在困难", "Difficulties", T::EnumSet, "difficulty"},
    {"difficulties_note", "困难说明", "Difficulties (details)", T::LongText},
    {"status", "状态", "Status", T::Enum, "elder_status", true},
    {"status_date", "状态变更日期", "Status date", T::Date},
    {"status_reason", "状态变更原因", "Status reason", T::Text},
    {"facility_id", "常去服务设施", "Facility used", T::Ref, "facility", false, 4},
};

constexpr FieldDef kSupporter[] = {
    {"elder_id", "老年人", "Elder", T::Ref, "elder", true},
    {"name", "姓名", "Name", T::Text, {}, true},
    {"relation", "关系", "Relation", T::Enum, "relation", true},
    {"phone", "联系电话", "Phone", T::Phone},
    {"away_location", "外出地点", "Working in", T::Text},
    {"away_since", "外出起始日期", "Away since", T::Date},
    {"contact_frequency", "联系频率", "Contact frequency", T::Enum, "contact_frequency"},
    {"monthly_support", "每月赡养费（元）", "Monthly support (yuan)", T::Integer},
    {"last_contact", "最近联系日期", "Last contact", T::Date},
    {"duty_fulfilment", "履行赡养义务情况", "Duty fulfilment", T::Enum, "duty_fulfilment"},
};

constexpr FieldDef kDutyNotice[] = {
    {"supporter_id", "赡养人", "Supporter", T::Ref, "supporter", true},
    {"elder_id", "老年人", "Elder", T::Ref, "elder", true},
    {"date", "督促日期", "Date", T::Date, {}, true},
    {"method", "督促方式", "Method", T::Enum, "notice_method", true},
    {"content", "督促内容", "Content", T::LongText, {}, true},
    {"response", "赡养人回应", "Response", T::LongText},
    // The answer decides whether the supporter took up the duty; a notice without one, or
    // past its follow-up date, puts the elder back on the village's urging list (home page).
    {"answer", "答复情况", "Answer", T::Enum, "notice_answer", false, 4},
    {"follow_up_date", "跟进日期", "Follow-up date", T::Date, {}, false, 4},
};

constexpr FieldDef kCareAgreement[] = {
    {"elder_id", "老年人", "Elder", T::Ref, "elder", true},
    {"supporter_id", "委托人（赡养人）", "Supporter", T::Ref, "supporter"},
    {"caretaker", "受委托人", "Caretaker", T::Text, {}, true},
    {"caretaker_kind", "受委托人类别", "Caretaker kind", T::Enum, "caretaker_kind"},
    {"caretaker_phone", "受委托人电话", "Caretaker phone", T::Phone},
    {"agreement_type", "委托类型", "Type", T::Enum, "agreement_type"},
    {"start_date", "起始日期", "From", T::Date, {}, true},
    {"end_date", "终止日期", "To", T::Date},
    {"content", "委托内容", "Content", T::LongText},
    {"reported_date", "报村委会备案日期", "Reported to village", T::Date},
};

constexpr FieldDef kVisit[] = {
    {"elder_id", "老年人", "Elder", T::Ref, "elder", true},
    {"date", "探访日期", "Date", T::Date, {}, true},
    {"mode", "探访方式", "Mode", T::Enum, "visit_mode", true},
    {"visitor", "探访人", "Visitor", T::Text, {}, true},
    {"visitor_role", "探访人身份", "Visitor role", T::Enum, "visitor_role"},
    {"campaign_id", "专项探访", "Campaign", T::Ref, "campaign"},
    {"finding", "探访结果", "Finding", T::Enum, "finding", true},
    {"hazards", "发现隐患", "Hazards found", T::EnumSet, "hazard"},
    {"needs", "老人需求", "Needs", T::LongText},
    {"services_given", "提供服务", "Services given", T::LongText},
    {"family_duty", "家庭赡养义务履行情况", "Family duty observed", T::Text},
    {"follow_up", "后续跟进", "Follow-up", T::LongText},
    {"next_due", "计划下次探访", "Next visit planned", T::Date},
};

constexpr FieldDef kRiskAssessment[] = {
    {"elder_id", "老年人", "Elder", T::Ref, "elder", true},
    {"date", "评估日期", "Date", T::Date, {}, true},
    {"assessor", "评估人", "Assessor", T::Text, {}, true},
    {"rule_id", "评估标准", "Standard", T::Ref, "risk_rule"},
    {"answers", "评估因素", "Factors present", T::Text},
    {"score", "评估得分", "Score", T::Integer},
    {"level", "风险等级", "Risk level", T::Enum, "risk_level", true},
    {"intervention_plan", "干预措施", "Intervention plan", T::LongText},
    {"next_due", "下次评估日期", "Next assessment", T::Date},
};

constexpr FieldDef kIncident[] = {
    {"elder_id", "老年人", "Elder", T::Ref, "elder", true},
    {"type", "情况类别", "Type", T::Enum, "incident_type", true},
    {"discovered_at", "发现时间", "Discovered", T::DateTime, {}, true},
    {"reporter", "报告人", "Reporter", T::Text, {}, true},
    {"description", "情况描述", "What happened", T::LongText, {}, true},
    {"emergency_action", "紧急处置措施", "Emergency action", T::LongText},
    {"escalated_to", "报告对象", "Reported to", T::Enum, "escalation", true},
    {"status", "办理状态", "Status", T::Enum, "incident_status", true},
    {"reported_at", "上报时间", "Reported at", T::DateTime},
    {"accepted_at", "受理时间", "Accepted at", T::DateTime},
    {"accepted_by", "受理人", "Accepted by", T::Text},
    {"assisting_at", "开始救助时间", "Assistance from", T::DateTime},
    {"assistance", "救助措施", "Assistance given", T::LongText},
    {"closed_at", "办结时间", "Closed at", T::DateTime},
    {"closed_by", "办结人", "Closed by", T::Text},
    {"outcome", "办结情况", "Outcome", T::LongText},
};

constexpr FieldDef kVolunteer[] = {
    {"name", "姓名", "Name", T::Text, {}, true},
    {"phone", "联系电话", "Phone", T::Phone},
    {"kind", "类别", "Kind", T::Enum, "volunteer_kind", true},
    {"skills", "特长", "Skills", T::Text},
    {"active", "在岗", "Active", T::Bool},
};

constexpr FieldDef kLiaison[] = {
    {"volunteer_id", "联络人", "Liaison", T::Ref, "volunteer", true},
    {"elder_id", "老年人", "Elder", T::Ref, "elder", true},
    {"start_date", "起始日期", "From", T::Date, {}, true},
    {"end_date", "终止日期", "To", T::Date},
    {"notes", "备注", "Notes", T::Text},
};

constexpr FieldDef kPairing[] = {
    {"mode", "帮扶形式", "Mode", T::Enum, "pairing_mode", true},
    {"helpers", "帮扶人", "Helpers", T::RefList, "volunteer", true},
    {"helped", "帮扶对象", "Helped elders", T::RefList, "elder", true},
    {"start_date", "起始日期", "From", T::Date, {}, true},
    {"end_date", "终止日期", "To", T::Date},
    {"content", "帮扶内容", "Content", T::LongText},
};

constexpr FieldDef kPairingActivity[] = {
    {"pairing_id", "结对帮扶", "Pairing", T::Ref, "pairing", true},
    {"date", "活动日期", "Date", T::Date, {}, true},
    {"content", "活动内容", "Content", T::LongText, {}, true},
};

// 老年协会 activities and the volunteer hours cycle (issue 18 items 1 and 2; docs/supervision.md
// §6). Credits and redemptions are append-only (domain/volunteer_hours.h): once saved only
// their settlement fields (作废, 核准超额, 说明) change, and a volunteer's balance is derived.
constexpr FieldDef kAssociationActivity[] = {
    {"title", "活动名称", "Title", T::Text, {}, true, 4},
    {"kind", "活动类别", "Kind", T::Enum, "activity_kind", true, 4},
    {"date", "活动日期", "Date", T::Date, {}, true, 4},
    {"facility_id", "活动场所（设施）", "Facility", T::Ref, "facility", false, 4},
    {"place", "活动地点", "Place", T::Text, {}, false, 4},
    {"organiser", "组织方", "Organiser", T::Enum, "activity_organiser", true, 4},
    {"organiser_name", "组织单位或负责人", "Organising body or person", T::Text, {}, false, 4},
    {"attendees", "参加的老年人", "Elders who took part", T::RefList, "elder", false, 4},
    {"others_count", "其他参加人数", "Other participants", T::Integer, {}, false, 4},
    {"volunteers", "参与的志愿者", "Volunteers who helped", T::RefList, "volunteer", false, 4},
    {"content", "活动内容", "Content", T::LongText, {}, false, 4},
};

constexpr FieldDef kVolunteerCredit[] = {
    {"volunteer_id", "志愿者", "Volunteer", T::Ref, "volunteer", true, 4},
    {"date", "服务日期", "Date served", T::Date, {}, true, 4},
    {"hours", "服务时长（小时）", "Hours", T::Integer, {}, true, 4},
    {"source", "时长来源", "Source", T::Enum, "credit_source", true, 4},
    {"service_record_id", "服务记录", "Service record", T::Ref, "service_record", false, 4},
    {"pairing_activity_id", "帮扶活动记录", "Pairing activity", T::Ref, "pairing_activity", false, 4},
    {"activity_id", "老年协会活动", "Association activity", T::Ref, "association_activity", false, 4},
    {"content", "服务内容", "What was done", T::Text, {}, false, 4},
    {"confirmed_by", "村委会确认人", "Confirmed by (village committee)", T::Text, {}, true, 4},
    {"voided", "作废", "Voided", T::Bool, {}, false, 4},
    {"settle_note", "作废说明", "Why voided", T::Text, {}, false, 4},
};

constexpr FieldDef kVolunteerRedemption[] = {
    {"volunteer_id", "志愿者", "Volunteer", T::Ref, "volunteer", true, 4},
    {"date", "兑换日期", "Date", T::Date, {}, true, 4},
    {"hours", "兑换时长（小时）", "Hours", T::Integer, {}, true, 4},
    {"beneficiary", "服务对象", "Received by", T::Enum, "redemption_for", true, 4},
    {"elder_id", "指定的老年人", "Elder named", T::Ref, "elder", false, 4},
    {"service", "兑换的服务", "Service received", T::Text, {}, true, 4},
    {"confirmed_by", "村委会确认人", "Confirmed by (village committee)", T::Text, {}, true, 4},
    {"overdraft_approved", "村委会核准超额", "Overdraft approved by the committee", T::Bool, {}, false, 4},
    {"voided", "作废", "Voided", T::Bool, {}, false, 4},
    {"settle_note", "核定说明", "Settlement note", T::Text, {}, false, 4},
};

constexpr FieldDef kFacility[] = {
    {"name", "名称", "Name", T::Text, {}, true},
    {"type", "类型", "Type", T::Enum, "facility_type", true},
    {"operator_name", "运营方", "Operator", T::Text},
    {"capacity", "床位/容量", "Capacity", T::Integer},
    {"contact", "联系人", "Contact person", T::Text},
    {"phone", "联系电话", "Phone", T::Phone},
    {"address", "地址", "Address", T::Text},
};

constexpr FieldDef kServiceItem[] = {
    {"name", "服务项目", "Service", T::Text, {}, true},
    {"category", "服务类别", "Category", T::Enum, "service_category", true},
    {"provider", "服务提供方", "Provider", T::Text},
    {"how_to_obtain", "申请方式", "How to obtain", T::LongText},
    {"eligibility", "服务对象", "Eligibility", T::LongText},
    {"period", "服务时间", "Period", T::Text},
};

constexpr FieldDef kServiceRecord[] = {
    {"elder_id", "老年人", "Elder", T::Ref, "elder", true},
    {"item_id", "服务项目", "Service", T::Ref, "service_item"},
    {"date", "服务日期", "Date", T::Date, {}, true},
    {"provider", "服务提供人", "Provider", T::Text, {}, true},
    {"content", "服务内容", "Content", T::LongText},
    {"facility_id", "服务地点（设施）", "At facility", T::Ref, "facility", false, 4},
};

constexpr FieldDef kCampaign[] = {
    {"name", "专项名称", "Name", T::Text, {}, true},
    {"kind", "专项类别", "Kind", T::Enum, "campaign_kind", true},
    {"start_date", "开始日期", "From", T::Date, {}, true},
    {"end_date", "结束日期", "To", T::Date, {}, true},
    {"target", "探访对象", "Target group", T::Enum, "campaign_target", true},
    {"notes", "工作要求", "Instructions", T::LongText},
};

// Factors are "code:weight:label" joined by ';' (see domain/risk_rule.h).
constexpr FieldDef kRiskRule[] = {
    {"name", "标准名称", "Name", T::Text, {}, true},
    {"effective_from", "施行日期", "Effective from", T::Date, {}, true},
    {"factors", "评估因素及分值", "Factors and weights", T::LongText, {}, true},
    {"medium_threshold", "中风险分值线", "Medium-risk threshold", T::Integer, {}, true},
    {"high_threshold", "高风险分值线", "High-risk threshold", T::Integer, {}, true},
    {"visit_days_high", "高风险探访周期（天）", "Visit interval, high risk (days)", T::Integer, {}, true},
    {"visit_days_key", "重点对象探访周期（天）", "Visit interval, key targets (days)", T::Integer, {}, true},
    {"visit_days_other", "其他对象探访周期（天）", "Visit interval, others (days)", T::Integer, {}, true},
    {"assessment_days", "风险评估周期（天）", "Assessment interval (days)", T::Integer, {}, true},
    // Supervision limits (docs/supervision.md); empty: 24 hours, 15 days, 7 days.
    {"ack_hours", "情况报告受理时限（小时）", "Incident acknowledgement limit (hours)", T::Integer, {}, false, 3},
    {"close_days", "情况报告办结时限（天）", "Incident closing limit (days)", T::Integer, {}, false, 3},
    {"silent_days", "未同步提示天数", "Village silence limit (days)", T::Integer, {}, false, 3},
    // How far a volunteer's redemptions may go beyond the hours credited; empty: none.
    {"overdraft_hours", "志愿服务时长允许透支（小时）", "Volunteer hours overdraft allowed", T::Integer, {}, false, 4},
    // Empty: 30 days, 90 days (docs/supervision.md).
    {"referral_days", "转介办结时限（天）", "Referral closing limit (days)", T::Integer, {}, false, 4},
    {"notice_days", "督促赡养人周期（天）", "Supporter urging interval (days)", T::Integer, {}, false, 4},
};

// The phone a village calls in an emergency, one per township, published by the county
// so a village device shows it while an incident report waits to be sent.
constexpr FieldDef kTownshipContact[] = {
    {"township_code", "乡镇代码", "Township code", T::Text, {}, true},
    {"phone", "应急联系电话", "Emergency phone", T::Phone, {}, true},
    {"notes", "说明", "Notes", T::Text},
};

// A matter a village or township hands to a department (转介), and how it is handled:
// 提出 → 乡镇审核 → 已转介 → 已受理 → 已办结 / 未解决 (domain/referral_workflow.h).
constexpr FieldDef kReferral[] = {
    {"elder_id", "老年人", "Elder", T::Ref, "elder", true},
    {"department", "转介部门", "Department", T::Enum, "referral_department", true},
    {"reason", "转介事由", "Reason", T::LongText, {}, true},
    {"proposed_on", "提出日期", "Proposed on", T::Date, {}, true},
    {"proposed_by", "提出人", "Proposed by", T::Text, {}, true},
    {"status", "办理状态", "Status", T::Enum, "referral_status", true},
    {"reviewed_on", "乡镇审核日期", "Reviewed on", T::Date},
    {"reviewed_by", "审核人", "Reviewed by", T::Text},
    {"review_note", "审核意见", "Review opinion", T::LongText},
    {"referred_on", "转介日期", "Referred on", T::Date},
    {"referred_by", "转介经办人", "Referred by", T::Text},
    {"accepted_on", "部门受理日期", "Accepted on", T::Date},
    {"accepted_by", "部门经办人", "Accepted by", T::Text},
    {"closed_on", "结案日期", "Closed on", T::Date},
    {"outcome", "办理结果", "Outcome", T::LongText},
};

constexpr EntityDef kEntities[] = {
    {"household", "households", "家庭户", "Household", EntityScope::Village, kHousehold},
    {"elder", "elders", "留守老年人", "Elder", EntityScope::Village, kElder},
    {"supporter", "supporters", "赡养人/扶养人", "Supporter", EntityScope::Village, kSupporter},
    {"duty_notice", "duty_notices", "督促记录", "Duty notice", EntityScope::Village, kDutyNotice},
    {"care_agreement", "care_agreements", "委托照顾协议", "Care agreement", EntityScope::Village, kCareAgreement},
    {"visit", "visits", "探访记录", "Visit", EntityScope::Village, kVisit},
    {"risk_assessment", "risk_assessments", "风险评估", "Risk assessment", EntityScope::Village, kRiskAssessment},
    {"incident", "incidents", "情况报告", "Incident report", EntityScope::Village, kIncident},
    {"volunteer", "volunteers", "志愿者", "Volunteer", EntityScope::Village, kVolunteer},
    {"liaison", "liaisons", "联络人登记", "Liaison", EntityScope::Village, kLiaison},
    {"pairing", "pairings", "结对帮扶", "Pairing", EntityScope::Village, kPairing},
    {"pairing_activity", "pairing_activities", "帮扶活动记录", "Pairing activity", EntityScope::Village, kPairingActivity},
    {"association_activity", "association_activities", "老年协会活动", "Association activity", EntityScope::Village,
     kAssociationActivity, 4},
    {"volunteer_credit", "volunteer_credits", "志愿服务时长记入", "Volunteer hours credited", EntityScope::Village,
     kVolunteerCredit, 4},
    {"volunteer_redemption", "volunteer_redemptions", "志愿服务时长兑换", "Volunteer hours redeemed",
     EntityScope::Village, kVolunteerRedemption, 4},
    {"facility", "facilities", "为老服务设施", "Facility", EntityScope::Village, kFacility},
    {"service_item", "service_items", "关爱服务清单", "Service catalogue", EntityScope::County, kServiceItem},
    {"service_record", "service_records", "服务记录", "Service record", EntityScope::Village, kServiceRecord},
    {"campaign", "campaigns", "专项探访", "Visit campaign", EntityScope::County, kCampaign},
    {"risk_rule", "risk_rules", "风险等级标准", "Risk standard", EntityScope::County, kRiskRule},
    {"township_contact", "township_contacts", "乡镇应急电话", "Township emergency phone", EntityScope::County,
     kTownshipContact, 3},
    {"referral", "referrals", "部门转介", "Referral", EntityScope::Village, kReferral, 4},
};

} // namespace

const FieldDef* EntityDef::field(std::string_view fieldName) const
{
    for (const auto& f : fields) {
        if (f.name == fieldName)
            return &f;
    }
    return nullptr;
}

std::span<const EntityDef> entities()
{
    return kEntities;
}

const EntityDef* findEntity(std::string_view name)
{
    for (const auto& e : kEntities) {
        if (e.name == name)
            return &e;
    }
    return nullptr;
}

} // namespace shouwang
