// The schema's entity and field names as constants (domain/field_name.h says why).
// Made from schema.cpp; after changing the schema, regenerate it:
//   build/<preset>/tools/shouwang-schema-names > shared/domain/schema_names.h
// (tests/domain/schema_doc_test.cpp fails until it is).
#pragma once

#include "field_name.h"

namespace shouwang::schema {

namespace household {
inline constexpr std::string_view entity = "household";
inline constexpr FieldName head_name{entity, "head_name"};
inline constexpr FieldName address{entity, "address"};
inline constexpr FieldName registered_poor{entity, "registered_poor"};
inline constexpr FieldName dibao{entity, "dibao"};
inline constexpr FieldName tekun{entity, "tekun"};
inline constexpr FieldName notes{entity, "notes"};
} // namespace household

namespace elder {
inline constexpr std::string_view entity = "elder";
inline constexpr FieldName household_id{entity, "household_id"};
inline constexpr FieldName name{entity, "name"};
inline constexpr FieldName id_number{entity, "id_number"};
inline constexpr FieldName phone{entity, "phone"};
inline constexpr FieldName ethnicity{entity, "ethnicity"};
inline constexpr FieldName marital{entity, "marital"};
inline constexpr FieldName living{entity, "living"};
inline constexpr FieldName left_behind_since{entity, "left_behind_since"};
inline constexpr FieldName income_sources{entity, "income_sources"};
inline constexpr FieldName health{entity, "health"};
inline constexpr FieldName ability{entity, "ability"};
inline constexpr FieldName dementia{entity, "dementia"};
inline constexpr FieldName chronic_diseases{entity, "chronic_diseases"};
inline constexpr FieldName severe_mental{entity, "severe_mental"};
inline constexpr FieldName disability_grade{entity, "disability_grade"};
inline constexpr FieldName insurance{entity, "insurance"};
inline constexpr FieldName health_mgmt_65{entity, "health_mgmt_65"};
inline constexpr FieldName daily_carer{entity, "daily_carer"};
inline constexpr FieldName difficulties{entity, "difficulties"};
inline constexpr FieldName difficulties_note{entity, "difficulties_note"};
inline constexpr FieldName status{entity, "status"};
inline constexpr FieldName status_date{entity, "status_date"};
inline constexpr FieldName status_reason{entity, "status_reason"};
inline constexpr FieldName facility_id{entity, "facility_id"};
} // namespace elder

namespace supporter {
inline constexpr std::string_view entity = "supporter";
inline constexpr FieldName elder_id{entity, "elder_id"};
inline constexpr FieldName name{entity, "name"};
inline constexpr FieldName relation{entity, "relation"};
inline constexpr FieldName phone{entity, "phone"};
inline constexpr FieldName away_location{entity, "away_location"};
inline constexpr FieldName away_since{entity, "away_since"};
inline constexpr FieldName contact_frequency{entity, "contact_frequency"};
inline constexpr FieldName monthly_support{entity, "monthly_support"};
inline constexpr FieldName last_contact{entity, "last_contact"};
inline constexpr FieldName duty_fulfilment{entity, "duty_fulfilment"};
} // namespace supporter

namespace duty_notice {
inline constexpr std::string_view entity = "duty_notice";
inline constexpr FieldName supporter_id{entity, "supporter_id"};
inline constexpr FieldName elder_id{entity, "elder_id"};
inline constexpr FieldName date{entity, "date"};
inline constexpr FieldName method{entity, "method"};
inline constexpr FieldName content{entity, "content"};
inline constexpr FieldName response{entity, "response"};
inline constexpr FieldName answer{entity, "answer"};
inline constexpr FieldName follow_up_date{entity, "follow_up_date"};
} // namespace duty_notice

namespace care_agreement {
inline constexpr std::string_view entity = "care_agreement";
inline constexpr FieldName elder_id{entity, "elder_id"};
inline constexpr FieldName supporter_id{entity, "supporter_id"};
inline constexpr FieldName caretaker{entity, "caretaker"};
inline constexpr FieldName caretaker_kind{entity, "caretaker_kind"};
inline constexpr FieldName caretaker_phone{entity, "caretaker_phone"};
inline constexpr FieldName agreement_type{entity, "agreement_type"};
inline constexpr FieldName start_date{entity, "start_date"};
inline constexpr FieldName end_date{entity, "end_date"};
inline constexpr FieldName content{entity, "content"};
inline constexpr FieldName reported_date{entity, "reported_date"};
} // namespace care_agreement

namespace visit {
inline constexpr std::string_view entity = "visit";
inline constexpr FieldName elder_id{entity, "elder_id"};
inline constexpr FieldName date{entity, "date"};
inline constexpr FieldName mode{entity, "mode"};
inline constexpr FieldName visitor{entity, "visitor"};
inline constexpr FieldName visitor_role{entity, "visitor_role"};
inline constexpr FieldName campaign_id{entity, "campaign_id"};
inline constexpr FieldName finding{entity, "finding"};
inline constexpr FieldName hazards{entity, "hazards"};
inline constexpr FieldName needs{entity, "needs"};
inline constexpr FieldName services_given{entity, "services_given"};
inline constexpr FieldName family_duty{entity, "family_duty"};
inline constexpr FieldName follow_up{entity, "follow_up"};
inline constexpr FieldName next_due{entity, "next_due"};
} // namespace visit

namespace risk_assessment {
inline constexpr std::string_view entity = "risk_assessment";
inline constexpr FieldName elder_id{entity, "elder_id"};
inline constexpr FieldName date{entity, "date"};
inline constexpr FieldName assessor{entity, "assessor"};
inline constexpr FieldName rule_id{entity, "rule_id"};
inline constexpr FieldName answers{entity, "answers"};
inline constexpr FieldName score{entity, "score"};
inline constexpr FieldName level{entity, "level"};
inline constexpr FieldName intervention_plan{entity, "intervention_plan"};
inline constexpr FieldName next_due{entity, "next_due"};
} // namespace risk_assessment

namespace incident {
inline constexpr std::string_view entity = "incident";
inline constexpr FieldName elder_id{entity, "elder_id"};
inline constexpr FieldName type{entity, "type"};
inline constexpr FieldName discovered_at{entity, "discovered_at"};
inline constexpr FieldName reporter{entity, "reporter"};
inline constexpr FieldName description{entity, "description"};
inline constexpr FieldName emergency_action{entity, "emergency_action"};
inline constexpr FieldName escalated_to{entity, "escalated_to"};
inline constexpr FieldName status{entity, "status"};
inline constexpr FieldName reported_at{entity, "reported_at"};
inline constexpr FieldName accepted_at{entity, "accepted_at"};
inline constexpr FieldName accepted_by{entity, "accepted_by"};
inline constexpr FieldName assisting_at{entity, "assisting_at"};
inline constexpr FieldName assistance{entity, "assistance"};
inline constexpr FieldName closed_at{entity, "closed_at"};
inline constexpr FieldName closed_by{entity, "closed_by"};
inline constexpr FieldName outcome{entity, "outcome"};
} // namespace incident

namespace volunteer {
inline constexpr std::string_view entity = "volunteer";
inline constexpr FieldName name{entity, "name"};
inline constexpr FieldName phone{entity, "phone"};
inline constexpr FieldName kind{entity, "kind"};
inline constexpr FieldName skills{entity, "skills"};
inline constexpr FieldName active{entity, "active"};
} // namespace volunteer

namespace liaison {
inline constexpr std::string_view entity = "liaison";
inline constexpr FieldName volunteer_id{entity, "volunteer_id"};
inline constexpr FieldName elder_id{entity, "elder_id"};
inline constexpr FieldName start_date{entity, "start_date"};
inline constexpr FieldName end_date{entity, "end_date"};
inline constexpr FieldName notes{entity, "notes"};
} // namespace liaison

namespace pairing {
inline constexpr std::string_view entity = "pairing";
inline constexpr FieldName mode{entity, "mode"};
inline constexpr FieldName helpers{entity, "helpers"};
inline constexpr FieldName helped{entity, "helped"};
inline constexpr FieldName start_date{entity, "start_date"};
inline constexpr FieldName end_date{entity, "end_date"};
inline constexpr FieldName content{entity, "content"};
} // namespace pairing

namespace pairing_activity {
inline constexpr std::string_view entity = "pairing_activity";
inline constexpr FieldName pairing_id{entity, "pairing_id"};
inline constexpr FieldName date{entity, "date"};
inline constexpr FieldName content{entity, "content"};
} // namespace pairing_activity

namespace association_activity {
inline constexpr std::string_view entity = "association_activity";
inline constexpr FieldName title{entity, "title"};
inline constexpr FieldName kind{entity, "kind"};
inline constexpr FieldName date{entity, "date"};
inline constexpr FieldName facility_id{entity, "facility_id"};
inline constexpr FieldName place{entity, "place"};
inline constexpr FieldName organiser{entity, "organiser"};
inline constexpr FieldName organiser_name{entity, "organiser_name"};
inline constexpr FieldName attendees{entity, "attendees"};
inline constexpr FieldName others_count{entity, "others_count"};
inline constexpr FieldName volunteers{entity, "volunteers"};
inline constexpr FieldName content{entity, "content"};
} // namespace association_activity

namespace volunteer_credit {
inline constexpr std::string_view entity = "volunteer_credit";
inline constexpr FieldName volunteer_id{entity, "volunteer_id"};
inline constexpr FieldName date{entity, "date"};
inline constexpr FieldName hours{entity, "hours"};
inline constexpr FieldName source{entity, "source"};
inline constexpr FieldName service_record_id{entity, "service_record_id"};
inline constexpr FieldName pairing_activity_id{entity, "pairing_activity_id"};
inline constexpr FieldName activity_id{entity, "activity_id"};
inline constexpr FieldName content{entity, "content"};
inline constexpr FieldName confirmed_by{entity, "confirmed_by"};
inline constexpr FieldName voided{entity, "voided"};
inline constexpr FieldName settle_note{entity, "settle_note"};
} // namespace volunteer_credit

namespace volunteer_redemption {
inline constexpr std::string_view entity = "volunteer_redemption";
inline constexpr FieldName volunteer_id{entity, "volunteer_id"};
inline constexpr FieldName date{entity, "date"};
inline constexpr FieldName hours{entity, "hours"};
inline constexpr FieldName beneficiary{entity, "beneficiary"};
inline constexpr FieldName elder_id{entity, "elder_id"};
inline constexpr FieldName service{entity, "service"};
inline constexpr FieldName confirmed_by{entity, "confirmed_by"};
inline constexpr FieldName overdraft_approved{entity, "overdraft_approved"};
inline constexpr FieldName voided{entity, "voided"};
inline constexpr FieldName settle_note{entity, "settle_note"};
} // namespace volunteer_redemption

namespace facility {
inline constexpr std::string_view entity = "facility";
inline constexpr FieldName name{entity, "name"};
inline constexpr FieldName type{entity, "type"};
inline constexpr FieldName operator_name{entity, "operator_name"};
inline constexpr FieldName capacity{entity, "capacity"};
inline constexpr FieldName contact{entity, "contact"};
inline constexpr FieldName phone{entity, "phone"};
inline constexpr FieldName address{entity, "address"};
} // namespace facility

namespace service_item {
inline constexpr std::string_view entity = "service_item";
inline constexpr FieldName name{entity, "name"};
inline constexpr FieldName category{entity, "category"};
inline constexpr FieldName provider{entity, "provider"};
inline constexpr FieldName how_to_obtain{entity, "how_to_obtain"};
inline constexpr FieldName eligibility{entity, "eligibility"};
inline constexpr FieldName period{entity, "period"};
} // namespace service_item

namespace service_record {
inline constexpr std::string_view entity = "service_record";
inline constexpr FieldName elder_id{entity, "elder_id"};
inline constexpr FieldName item_id{entity, "item_id"};
inline constexpr FieldName date{entity, "date"};
inline constexpr FieldName provider{entity, "provider"};
inline constexpr FieldName content{entity, "content"};
inline constexpr FieldName facility_id{entity, "facility_id"};
} // namespace service_record

namespace campaign {
inline constexpr std::string_view entity = "campaign";
inline constexpr FieldName name{entity, "name"};
inline constexpr FieldName kind{entity, "kind"};
inline constexpr FieldName start_date{entity, "start_date"};
inline constexpr FieldName end_date{entity, "end_date"};
inline constexpr FieldName target{entity, "target"};
inline constexpr FieldName notes{entity, "notes"};
} // namespace campaign

namespace risk_rule {
inline constexpr std::string_view entity = "risk_rule";
inline constexpr FieldName name{entity, "name"};
inline constexpr FieldName effective_from{entity, "effective_from"};
inline constexpr FieldName factors{entity, "factors"};
inline constexpr FieldName medium_threshold{entity, "medium_threshold"};
inline constexpr FieldName high_threshold{entity, "high_threshold"};
inline constexpr FieldName visit_days_high{entity, "visit_days_high"};
inline constexpr FieldName visit_days_key{entity, "visit_days_key"};
inline constexpr FieldName visit_days_other{entity, "visit_days_other"};
inline constexpr FieldName assessment_days{entity, "assessment_days"};
inline constexpr FieldName ack_hours{entity, "ack_hours"};
inline constexpr FieldName close_days{entity, "close_days"};
inline constexpr FieldName silent_days{entity, "silent_days"};
inline constexpr FieldName overdraft_hours{entity, "overdraft_hours"};
inline constexpr FieldName referral_days{entity, "referral_days"};
inline constexpr FieldName notice_days{entity, "notice_days"};
} // namespace risk_rule

namespace township_contact {
inline constexpr std::string_view entity = "township_contact";
inline constexpr FieldName township_code{entity, "township_code"};
inline constexpr FieldName phone{entity, "phone"};
inline constexpr FieldName notes{entity, "notes"};
} // namespace township_contact

namespace referral {
inline constexpr std::string_view entity = "referral";
inline constexpr FieldName elder_id{entity, "elder_id"};
inline constexpr FieldName department{entity, "department"};
inline constexpr FieldName reason{entity, "reason"};
inline constexpr FieldName proposed_on{entity, "proposed_on"};
inline constexpr FieldName proposed_by{entity, "proposed_by"};
inline constexpr FieldName status{entity, "status"};
inline constexpr FieldName reviewed_on{entity, "reviewed_on"};
inline constexpr FieldName reviewed_by{entity, "reviewed_by"};
inline constexpr FieldName review_note{entity, "review_note"};
inline constexpr FieldName referred_on{entity, "referred_on"};
inline constexpr FieldName referred_by{entity, "referred_by"};
inline constexpr FieldName accepted_on{entity, "accepted_on"};
inline constexpr FieldName accepted_by{entity, "accepted_by"};
inline constexpr FieldName closed_on{entity, "closed_on"};
inline constexpr FieldName outcome{entity, "outcome"};
} // namespace referral

} // namespace shouwang::schema
