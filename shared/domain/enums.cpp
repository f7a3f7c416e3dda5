#include "enums.h"

#include <array>

namespace shouwang {
namespace {

// Codes are part of the stored data and the wire: never rename one, only add.
constexpr EnumOption kMarital[] = {
    {"single", "未婚", "Single"},
    {"married", "已婚", "Married"},
    {"widowed", "丧偶", "Widowed"},
    {"divorced", "离婚", "Divorced"},
};
constexpr EnumOption kLiving[] = {
    {"alone", "独居", "Alone"},
    {"spouse", "与配偶同住", "With spouse"},
    {"grandchildren", "与孙辈同住", "With grandchildren"},
    {"relatives", "与其他亲属同住", "With other relatives"},
    {"institution", "机构", "In an institution"},
};
constexpr EnumOption kIncome[] = {
    {"pension", "养老金", "Pension"},
    {"children", "子女供给", "Support from children"},
    {"farming", "务农", "Farming"},
    {"dibao", "低保", "Minimum living allowance"},
    {"tekun", "特困供养", "Extreme-poverty support"},
    {"other", "其他", "Other"},
};
constexpr EnumOption kHealth[] = {
    {"healthy", "健康", "Healthy"},
    {"fair", "基本健康", "Fairly healthy"},
    {"unhealthy_selfcare", "不健康，能自理", "Unhealthy, self-caring"},
    {"unhealthy_dependent", "不能自理", "Cannot care for self"},
};
constexpr EnumOption kAbility[] = {
    {"intact", "能力完好", "Intact"},
    {"mild", "轻度失能", "Mildly disabled"},
    {"moderate", "中度失能", "Moderately disabled"},
    {"severe", "重度失能", "Severely disabled"},
};
constexpr EnumOption kDisability[] = {
    {"none", "无", "None"},
    {"grade1", "一级", "Grade 1"},
    {"grade2", "二级", "Grade 2"},
    {"grade3", "三级", "Grade 3"},
    {"grade4", "四级", "Grade 4"},
};
constexpr EnumOption kInsurance[] = {
    {"resident_medical", "城乡居民医保", "Resident medical insurance"},
    {"employee_medical", "职工医保", "Employee medical insurance"},
    {"resident_pension", "城乡居民养老保险", "Resident pension insurance"},
    {"commercial", "商业保险", "Commercial insurance"},
    {"accident", "意外伤害保险", "Accident insurance"},
};
constexpr EnumOption kDifficulty[] = {
    {"daily_care", "生活照料", "Daily care"},
    {"economic", "经济困难", "Money"},
    {"medical", "就医困难", "Medical care"},
    {"emotional", "精神慰藉", "Loneliness"},
    {"housing", "住房安全", "Housing safety"},
    {"other", "其他", "Other"},
};
constexpr EnumOption kElderStatus[] = {
    {"active", "在册", "On the ledger"},
    {"children_returned", "子女返乡", "Children returned"},
    {"moved_out", "迁出", "Moved out"},
    {"institution", "入住机构", "Entered an institution"},
    {"deceased", "去世", "Deceased"},
};
constexpr EnumOption kSex[] = {
    {"male", "男", "Male"},
    {"female", "女", "Female"},
};
constexpr EnumOption kRelation[] = {
    {"son", "儿子", "Son"},
    {"daughter", "女儿", "Daughter"},
    {"daughter_in_law", "儿媳", "Daughter-in-law"},
    {"son_in_law", "女婿", "Son-in-law"},
    {"grandchild", "孙子女", "Grandchild"},
    {"spouse", "配偶", "Spouse"},
    {"sibling", "兄弟姐妹", "Sibling"},
    {"other", "其他", "Other"},
};
constexpr EnumOption kContactFrequency[] = {
    {"daily", "每天", "Daily"},
    {"weekly", "每周", "Weekly"},
    {"monthly", "每月", "Monthly"},
    {"quarterly", "每季度", "Quarterly"},
    {"rarely", "很少", "Rarely"},
    {"never", "从不联系", "Never"},
};
constexpr EnumOption kDutyFulfilment[] = {
    {"good", "良好", "Good"},
    {"fair", "一般", "Fair"},
    {"none", "未履行", "Not fulfilled"},
};
constexpr EnumOption kNoticeMethod[] = {
    {"phone", "电话", "Phone"},
    {"visit", "当面", "In person"},
    {"letter", "书面", "In writing"},
    {"other", "其他", "Other"},
    {"wechat", "微信", "WeChat"},
};
// What the supporter answered; "none" (no answer yet) counts as not responding.
constexpr EnumOption kNoticeAnswer[] = {
    {"agreed", "同意履行", "Agreed"},
    {"partly", "部分履行", "Partly"},
    {"refused", "拒绝履行", "Refused"},
    {"none", "未答复", "No answer"},
};
constexpr EnumOption kCaretakerKind[] = {
    {"relative", "亲属", "Relative"},
    {"neighbour", "邻居", "Neighbour"},
    {"friend", "朋友", "Friend"},
    {"institution", "机构", "Institution"},
    {"other", "其他", "Other"},
};
constexpr EnumOption kAgreementType[] = {
    {"daily_care", "日常照料", "Daily care"},
    {"full_care", "全托照顾", "Full care"},
    {"emergency", "应急照顾", "Emergency care"},
    {"other", "其他", "Other"},
};
constexpr EnumOption kVisitMode[] = {
    {"phone", "电话问候", "Phone call"},
    {"home", "上门探访", "Home visit"},
    {"video", "视频", "Video call"},
};
constexpr EnumOption kVisitorRole[] = {
    {"cadre", "村干部", "Village cadre"},
    {"grid", "网格员", "Grid worker"},
    {"volunteer", "志愿者", "Volunteer"},
    {"association", "老年协会", "Elders' association"},
    {"social_worker", "社工", "Social worker"},
};
constexpr EnumOption kFinding[] = {
    {"normal", "正常", "Normal"},
    {"attention", "需关注", "Needs attention"},
    {"urgent", "紧急", "Urgent"},
};
constexpr EnumOption kHazard[] = {
    {"fire", "火灾隐患", "Fire"},
    {"housing", "房屋安全", "Housing"},
    {"electric", "用电安全", "Electricity"},
    {"other", "其他", "Other"},
};
constexpr EnumOption kRiskLevel[] = {
    {"low", "低风险", "Low"},
    {"medium", "中风险", "Medium"},
    {"high", "高风险", "High"},
};
constexpr EnumOption kIncidentType[] = {
    {"wandering", "外出流浪乞讨", "Wandering or begging"},
    {"abuse", "遭受非法侵害", "Unlawful harm"},
    {"critical_illness", "危重病情", "Critical illness"},
    {"mental_illness", "严重精神疾病", "Severe mental illness"},
    {"hardship", "重大困境", "Severe hardship"},
    {"other", "其他", "Other"},
};
constexpr EnumOption kEscalation[] = {
    {"township", "乡镇人民政府", "Township government"},
    {"civil_affairs", "区县民政局", "County civil affairs"},
};
constexpr EnumOption kIncidentStatus[] = {
    {"reported", "已上报", "Reported"},
    {"accepted", "已受理", "Accepted"},
    {"assisting", "救助中", "Assisting"},
    {"closed", "已办结", "Closed"},
};
constexpr EnumOption kVolunteerKind[] = {
    {"volunteer", "志愿者", "Volunteer"},
    {"young_old", "低龄老人（老友助老）", "Younger elder (peer help)"},
    {"neighbour", "邻居（邻里守望）", "Neighbour"},
    {"social_worker", "社工", "Social worker"},
    {"association", "老年协会会员", "Elders' association member"},
};
constexpr EnumOption kReferralDepartment[] = {
    {"justice", "司法行政", "Justice (legal aid)"},
    {"health", "卫生健康", "Health"},
    {"hrss", "人力资源社会保障", "Human resources and social security"},
    {"rural_revival", "乡村振兴", "Rural revitalisation"},
    {"disabled", "残联", "Disabled persons' federation"},
    {"medical_insurance", "医疗保障", "Medical insurance"},
    {"police", "公安", "Police"},
    {"fire", "消防", "Fire service"},
};
constexpr EnumOption kReferralStatus[] = {
    {"proposed", "已提出", "Proposed"},
    {"reviewed", "乡镇已审核", "Reviewed by township"},
    {"referred", "已转介", "Referred"},
    {"accepted", "部门已受理", "Accepted"},
    {"closed", "已办结", "Closed"},
    {"unresolved", "未解决", "Unresolved"},
};
constexpr EnumOption kPairingMode[] = {
    {"one_one", "一帮一", "One helps one"},
    {"many_one", "多帮一", "Many help one"},
    {"one_many", "一帮多", "One helps many"},
};
constexpr EnumOption kFacilityType[] = {
    {"happiness_home", "农村幸福院", "Rural happiness home"},
    {"tekun_institution", "特困供养机构", "Extreme-poverty care institution"},
    {"nursing_home", "养老机构", "Nursing home"},
    {"activity_centre", "老年活动中心", "Elders' activity centre"},
    {"clinic", "卫生室", "Village clinic"},
    {"culture_centre", "文化服务中心", "Cultural service centre"},
};
constexpr EnumOption kServiceCategory[] = {
    {"care", "生活照料", "Daily care"},
    {"medical", "医疗保健", "Health care"},
    {"emotional", "精神慰藉", "Companionship"},
    {"safety", "安全防护", "Safety"},
    {"assistance", "社会救助", "Social assistance"},
    {"legal", "法律援助", "Legal aid"},
    {"other", "其他", "Other"},
};
constexpr EnumOption kCampaignKind[] = {
    {"spring_festival", "春节", "Spring Festival"},
    {"double_ninth", "重阳节", "Double Ninth Festival"},
    {"fire_prevention", "防火", "Fire prevention"},
    {"extreme_weather", "极端天气", "Extreme weather"},
    {"other", "其他", "Other"},
};
constexpr EnumOption kCampaignTarget[] = {
    {"all", "全部留守老年人", "All"},
    {"key", "重点帮扶对象", "Key targets"},
    {"high_risk", "高风险对象", "High risk"},
};

// 老年协会 activities and the volunteer hours cycle (issue 18 items 1 and 2).
constexpr EnumOption kActivityKind[] = {
    {"recreation", "文体活动", "Recreation and sport"},
    {"lecture", "讲座", "Lecture"},
    {"health_education", "健康教育", "Health education"},
    {"legal", "法治宣传", "Legal awareness"},
    {"fire_safety", "消防安全宣传", "Fire safety"},
    {"festival", "节日慰问", "Festival visit"},
    {"training", "培训", "Training"},
    {"other", "其他", "Other"},
};
constexpr EnumOption kActivityOrganiser[] = {
    {"association", "老年协会", "Elders' association"},
    {"volunteers", "志愿者", "Volunteers"},
    {"social_worker", "社工", "Social workers"},
    {"village", "村委会", "Village committee"},
    {"department", "政府部门", "A government department"},
};
constexpr EnumOption kCreditSource[] = {
    {"service_record", "服务记录", "Service record"},
    {"pairing_activity", "结对帮扶活动", "Pairing activity"},
    {"association_activity", "老年协会活动", "Association activity"},
    {"other", "其他", "Other"},
};
constexpr EnumOption kRedemptionFor[] = {
    {"self", "志愿者本人", "The volunteer"},
    {"elder", "志愿者指定的老年人", "An elder the volunteer names"},
};

constexpr EnumDef kEnums[] = {
    {"marital", kMarital},
    {"living", kLiving},
    {"income", kIncome},
    {"health", kHealth},
    {"ability", kAbility},
    {"disability", kDisability},
    {"insurance", kInsurance},
    {"difficulty", kDifficulty},
    {"elder_status", kElderStatus},
    {"sex", kSex},
    {"relation", kRelation},
    {"contact_frequency", kContactFrequency},
    {"duty_fulfilment", kDutyFulfilment},
    {"notice_method", kNoticeMethod},
    {"caretaker_kind", kCaretakerKind},
    {"agreement_type", kAgreementType},
    {"visit_mode", kVisitMode},
    {"visitor_role", kVisitorRole},
    {"finding", kFinding},
    {"hazard", kHazard},
    {"risk_level", kRiskLevel},
    {"incident_type", kIncidentType},
    {"escalation", kEscalation},
    {"incident_status", kIncidentStatus},
    {"volunteer_kind", kVolunteerKind},
    {"pairing_mode", kPairingMode},
    {"notice_answer", kNoticeAnswer},
    {"referral_department", kReferralDepartment},
    {"referral_status", kReferralStatus},
    {"facility_type", kFacilityType},
    {"service_category", kServiceCategory},
    {"campaign_kind", kCampaignKind},
    {"campaign_target", kCampaignTarget},
    {"activity_kind", kActivityKind},
    {"activity_organiser", kActivityOrganiser},
    {"credit_source", kCreditSource},
    {"redemption_for", kRedemptionFor},
};

} // namespace

const EnumOption* EnumDef::find(std::string_view code) const
{
    for (const auto& option : options) {
        if (option.code == code)
            return &option;
    }
    return nullptr;
}

std::string_view EnumDef::label(std::string_view code) const
{
    const EnumOption* option = find(code);
    return option ? option->zh : code;
}

std::string enumLabel(std::string_view enumName, std::string_view code)
{
    const EnumDef* e = findEnum(enumName);
    return std::string(e ? e->label(code) : code);
}

const EnumDef* findEnum(std::string_view name)
{
    for (const auto& def : kEnums) {
        if (def.name == name)
            return &def;
    }
    return nullptr;
}

} // namespace shouwang
