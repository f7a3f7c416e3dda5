#include "chinese_names.h"

namespace shouwang::demo {
namespace {

// Weights roughly follow the frequency of surnames in rural Chongqing and Sichuan.
constexpr WeightedName kSurnames[] = {
    {"李", 90}, {"王", 85}, {"张", 80}, {"刘", 75}, {"陈", 70}, {"杨", 55}, {"黄", 40}, {"周", 40},
    {"吴", 35}, {"徐", 25}, {"孙", 20}, {"胡", 25}, {"朱", 20}, {"高", 18}, {"林", 12}, {"何", 35},
    {"郭", 15}, {"罗", 35}, {"谭", 30}, {"冉", 12}, {"向", 15}, {"邓", 25}, {"唐", 25}, {"彭", 20},
    {"蒋", 15}, {"余", 18}, {"曾", 18}, {"谢", 15}, {"熊", 12}, {"秦", 10}, {"冯", 12}, {"程", 10},
    {"文", 10}, {"田", 12}, {"袁", 15}, {"雷", 10}, {"汪", 8},  {"龚", 10}, {"廖", 12}, {"蒲", 6},
    {"牟", 6},  {"税", 3},  {"付", 12}, {"赵", 30}, {"马", 10}, {"梁", 10}, {"宋", 10}, {"郑", 12},
    {"韩", 8},  {"曹", 10}, {"许", 8},  {"邹", 8},  {"喻", 5},  {"易", 6},  {"钟", 8},  {"任", 10},
};

constexpr std::string_view kElderMale[] = {
    "建国", "国华", "德明", "德福", "长生", "永福", "光明", "志强", "明贵", "世昌", "成林", "中华",
    "洪兵", "德全", "正国", "大富", "学文", "文华", "永清", "家富", "兴发", "福生", "树林", "德成",
    "云华", "明华", "泽民", "玉林", "开明", "庆云", "启明", "宗林", "绍华", "仁贵", "光荣", "荣华",
    "少云", "万福", "银安", "金山", "继红", "国强", "维新", "远志", "登高", "全福", "正清", "世明",
};

constexpr std::string_view kElderFemale[] = {
    "秀英", "桂英", "秀兰", "玉兰", "桂芳", "淑珍", "素芳", "翠花", "玉珍", "凤英", "春梅", "桂兰",
    "秀珍", "玉芳", "德芳", "明秀", "光英", "永秀", "世英", "群英", "淑华", "秀芬", "菊花", "兰英",
    "素珍", "翠兰", "玉华", "家英", "清秀", "正英", "彩云", "树芬", "代琼", "仕碧", "远芳", "开秀",
    "德琼", "明芝", "应兰", "永碧", "泽芬", "昌秀", "学英", "志芳", "佳琼", "慧芳", "素琼", "朝英",
};

constexpr std::string_view kYoungMale[] = {
    "伟", "强", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞", "波",
    "建华", "小兵", "海军", "红军", "志勇", "俊", "林", "亮", "磊", "浩", "洪", "江", "剑", "云龙",
    "德勇", "小龙", "春林", "国平", "长江", "文军", "晓东", "建平", "成刚", "利",
};

constexpr std::string_view kYoungFemale[] = {
    "芳", "娟", "敏", "静", "丽", "艳", "燕", "霞", "玲", "琴", "梅", "红", "英", "莉", "萍", "娜",
    "小琴", "春燕", "海燕", "丽华", "晓梅", "红梅", "秀琼", "桂林", "小红", "雪梅", "文静", "玉梅",
    "慧", "倩", "婷", "莎", "佳", "美玲", "晓燕", "德琼", "明英", "利华", "建英", "小平",
};

constexpr std::string_view kWorkPlaces[] = {
    "广东省东莞市", "广东省深圳市", "广东省广州市", "广东省佛山市", "广东省中山市", "浙江省宁波市",
    "浙江省温州市", "浙江省杭州市", "浙江省义乌市", "福建省厦门市", "福建省泉州市", "江苏省苏州市",
    "上海市",       "北京市",       "重庆市主城区", "重庆市渝北区", "重庆市九龙坡区", "四川省成都市",
    "新疆维吾尔自治区", "湖北省武汉市",
};

constexpr std::string_view kChronicDiseases[] = {
    "高血压", "糖尿病", "慢性支气管炎", "冠心病", "风湿性关节炎", "腰椎间盘突出", "慢阻肺", "胃病",
    "白内障", "脑梗后遗症", "骨质疏松", "痛风",
};

constexpr std::string_view kSkills[] = {
    "会开车", "懂电工", "理发", "会做饭", "懂护理", "会修房", "唱歌跳舞", "懂农技", "会用智能手机",
    "中医推拿", "",
};

} // namespace

std::span<const WeightedName> surnames() { return kSurnames; }
std::span<const std::string_view> elderMaleNames() { return kElderMale; }
std::span<const std::string_view> elderFemaleNames() { return kElderFemale; }
std::span<const std::string_view> youngMaleNames() { return kYoungMale; }
std::span<const std::string_view> youngFemaleNames() { return kYoungFemale; }
std::span<const std::string_view> workPlaces() { return kWorkPlaces; }
std::span<const std::string_view> chronicDiseases() { return kChronicDiseases; }
std::span<const std::string_view> volunteerSkills() { return kSkills; }

} // namespace shouwang::demo
