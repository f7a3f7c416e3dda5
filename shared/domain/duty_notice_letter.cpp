#include "duty_notice_letter.h"

#include "date.h"
#include "enums.h"
#include "schema_names.h"

namespace shouwang {
namespace {

// "2024-05-01" → "2024年5月1日"; other text unchanged.
std::string chineseDate(const std::string& iso)
{
    const auto day = parseDate(iso);
    if (!day)
        return iso;
    const std::chrono::year_month_day ymd(*day);
    return std::to_string(static_cast<int>(ymd.year())) + "年" + std::to_string(static_cast<unsigned>(ymd.month())) + "月"
        + std::to_string(static_cast<unsigned>(ymd.day())) + "日";
}

std::string label(std::string_view enumName, const std::string& code)
{
    const EnumDef* e = findEnum(enumName);
    return std::string(e ? e->label(code) : code);
}

} // namespace

DutyNoticeLetter dutyNoticeLetter(const Record& notice, const Record& supporter, const Record& elder,
                                  const std::string& villageName)
{
    DutyNoticeLetter letter;
    letter.title = "督促履行赡养义务通知书";
    const std::string relation = supporter.value(schema::supporter::relation).empty()
        ? std::string{}
        : "（" + label("relation", supporter.value(schema::supporter::relation)) + "）";
    letter.salutation = supporter.value(schema::supporter::name) + relation + "：";
    letter.paragraphs.push_back(
        "您的亲属" + elder.value(schema::elder::name)
        + "现居住在本村，属农村留守老年人。经村民委员会了解，老人目前的生活需要您的关心和照顾。");
    letter.paragraphs.push_back("督促内容：" + notice.value(schema::duty_notice::content));
    letter.paragraphs.push_back("根据《中华人民共和国老年人权益保障法》第十四条，赡养人应当履行对老年人经济上供养、生活上照料和精神上慰藉的义务，"
                                "照顾老年人的特殊需要。赡养人不在老年人身边的，应当经常看望或者问候老年人。");
    std::string answer = "请您收到本通知后及时与老人及村民委员会联系，说明履行赡养义务的安排";
    if (!notice.value(schema::duty_notice::follow_up_date).empty())
        answer += "。村民委员会将于" + chineseDate(notice.value(schema::duty_notice::follow_up_date))
            + "前后跟进了解落实情况";
    letter.paragraphs.push_back(answer + "。");
    letter.paragraphs.push_back("本通知于" + chineseDate(notice.value(schema::duty_notice::date)) + "以"
                                + label("notice_method", notice.value(schema::duty_notice::method)) + "方式送达。");
    letter.sender = villageName + "村民委员会";
    letter.date = chineseDate(notice.value(schema::duty_notice::date));
    return letter;
}

} // namespace shouwang
