#pragma once

#include "record.h"

#include <string>
#include <vector>

namespace shouwang {

// The 督促履行赡养义务通知书 a village hands or sends to a supporter (policy 二(一)(二):
// 及时通知并督促其子女和其他家庭成员予以照顾). Its wording is the village committee's, in
// Chinese, so it is kept here beside the rules; the client lays it out and prints it.
struct DutyNoticeLetter {
    std::string title;                   // 督促履行赡养义务通知书
    std::string salutation;              // "张大明（儿子）："
    std::vector<std::string> paragraphs; // the elder's situation, the content, the law, the answer asked for
    std::string sender;                  // "厚坝镇大坝村村民委员会"
    std::string date;                    // "2024年5月1日"
};

// `notice` a duty_notice; `supporter` its supporter; `elder` the elder; `villageName` the
// committee's name as printed.
DutyNoticeLetter dutyNoticeLetter(const Record& notice, const Record& supporter, const Record& elder,
                                  const std::string& villageName);

} // namespace shouwang
