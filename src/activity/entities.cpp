#include "activity/entities.hpp"

#include "activity/store.hpp"
#include "org/entities.hpp"

#include <stdexcept>
#include <vector>

namespace pufa::activity {

using registry::ChoiceList;
using registry::Entity;
using registry::Field;
using registry::Kind;

namespace choices {
ChoiceList const audience{"audience",
                          {{"leaders", "领导干部"},
                           {"civil_servants", "公务员"},
                           {"youth", "青少年"},
                           {"public", "群众"},
                           {"employees", "企业职工"},
                           {"elderly", "老年人"},
                           {"women_children", "妇女儿童"},
                           {"farmers", "农民"},
                           {"migrant_workers", "外来务工人员"},
                           {"disabled", "残疾人"}}};
ChoiceList const six_place{"six_place",
                           {{"organs", "机关"},
                            {"villages", "乡村"},
                            {"communities", "社区"},
                            {"schools", "学校"},
                            {"enterprises", "企业"},
                            {"units", "单位"}}};
ChoiceList const form{"activity_form",
                      {{"lecture", "讲座"},
                       {"law_fair", "法律赶集"},
                       {"performance", "文艺演出"},
                       {"case_talk", "以案释法"},
                       {"mock_court", "模拟法庭"},
                       {"quiz", "知识竞赛"},
                       {"online", "线上推送"},
                       {"consultation", "法律咨询"},
                       {"training", "培训"},
                       {"exhibition", "展览"},
                       {"other", "其他"}}};
ChoiceList const study_kind{"study_kind",
                            {{"party_group", "党委理论中心组学法"},
                             {"executive_meeting", "政府常务会议学法"},
                             {"duty_report", "述职述法"},
                             {"court_hearing", "庭审旁听"},
                             {"three_heads", "三长学法说法讲法"}}};
ChoiceList const channel_kind{"channel_kind",
                              {{"website", "网站"},
                               {"wechat_account", "微信公众号"},
                               {"wechat_group", "微信群"},
                               {"douyin", "抖音"},
                               {"radio", "广播"},
                               {"tv", "电视"},
                               {"press", "报刊"},
                               {"other", "其他"}}};
ChoiceList const review_status{"review_status", {{"submitted", "待审核"}, {"approved", "已审核"}, {"returned", "已退回"}}};
ChoiceList const dictionary{"dictionary", {{"activity_theme", "活动主题"}, {"activity_campaign", "活动品牌"}}};
}  // namespace choices

namespace {

// The dictionaries coordinators edit (dictionary_items): a value is valid when it is listed.
registry::Dictionary const themes{"activity_theme",
                                  [](db::Connection& conn, std::string_view value) {
                                    return store::dictionary_has(conn, "activity_theme", value);
                                  },
                                  "宪法"};
registry::Dictionary const campaigns{"activity_campaign",
                                     [](db::Connection& conn, std::string_view value) {
                                       return store::dictionary_has(conn, "activity_campaign", value);
                                     },
                                     "宪法宣传周"};

registry::Ref const channels_ref{.table = "channels", .example = "兰溪普法"};

Field status() {
  return {.key = "status", .label = "状态", .kind = Kind::choice, .choices = &choices::review_status, .filter = true,
          .readonly = true, .initial = submitted};
}
Field return_reason() { return {.key = "return_reason", .label = "退回原因", .max = 500, .readonly = true}; }

std::vector<Entity> const all{
    {.name = "activities", .table = "activities", .label = "普法活动",
     .fields = {{.key = "title", .label = "活动名称", .required = true},
                {.key = "starts_on", .label = "活动日期", .kind = Kind::date, .required = true, .range = true},
                {.key = "ends_on", .label = "结束日期", .kind = Kind::date},
                {.key = "time_span", .label = "时间段", .max = 30},
                {.key = "region_id", .label = "所属区域", .kind = Kind::region, .required = true},
                {.key = "place_id", .label = "活动地点", .kind = Kind::ref, .ref = &org::refs::places},
                {.key = "unit_id", .label = "主办单位", .kind = Kind::ref, .filter = true, .ref = &org::refs::units, .shared = true},
                {.key = "theme", .label = "主题", .kind = Kind::dict, .required = true, .filter = true, .dict = &themes},
                {.key = "audience", .label = "对象", .kind = Kind::tags, .choices = &choices::audience, .filter = true},
                {.key = "six_place", .label = "法律六进", .kind = Kind::choice, .choices = &choices::six_place, .filter = true},
                {.key = "form", .label = "形式", .kind = Kind::choice, .required = true, .choices = &choices::form, .filter = true},
                {.key = "lecturer_ids", .label = "讲师", .kind = Kind::refs, .ref = &org::refs::people, .shared = true},
                {.key = "participants", .label = "参与人数", .kind = Kind::integer, .required = true, .low = 0,
                 .high = 1'000'000},
                {.key = "materials", .label = "发放资料（份）", .kind = Kind::integer, .low = 0, .high = 10'000'000},
                {.key = "campaign", .label = "活动品牌", .kind = Kind::dict, .filter = true, .dict = &campaigns},
                {.key = "press_links", .label = "媒体报道", .max = 1000},
                {.key = "photo_ids", .label = "照片", .kind = Kind::refs, .ref = &org::refs::photos},
                {.key = "description", .label = "活动简介", .max = 2000},
                status(), return_reason()},
     .region_from = {"region_id"}, .search_column = "title", .default_sort = "-starts_on", .importable = true,
     .owned = true},
    {.name = "study_records", .table = "study_records", .label = "学法记录",
     .fields = {{.key = "kind", .label = "类型", .kind = Kind::choice, .required = true, .choices = &choices::study_kind,
                 .filter = true},
                {.key = "unit_id", .label = "单位", .kind = Kind::ref, .required = true, .filter = true, .ref = &org::refs::units},
                {.key = "held_on", .label = "日期", .kind = Kind::date, .required = true, .range = true},
                {.key = "topic", .label = "主题", .required = true},
                {.key = "laws", .label = "所学法律法规", .max = 200},
                {.key = "speakers", .label = "主讲人", .max = 200},
                {.key = "attendees", .label = "参加人数", .kind = Kind::integer, .low = 0, .high = 100'000},
                status(), return_reason()},
     .region_from = {"unit_id"}, .search_column = "topic", .default_sort = "-held_on", .importable = true,
     .owned = true},
    {.name = "channels", .table = "channels", .label = "普法渠道",
     .fields = {{.key = "name", .label = "名称", .required = true},
                {.key = "kind", .label = "类型", .kind = Kind::choice, .required = true, .choices = &choices::channel_kind,
                 .filter = true},
                {.key = "region_id", .label = "所属区域", .kind = Kind::region, .required = true},
                {.key = "unit_id", .label = "运营单位", .kind = Kind::ref, .ref = &org::refs::units},
                {.key = "schedule", .label = "更新频率", .max = 50},
                {.key = "url", .label = "网址", .max = 300},
                {.key = "description", .label = "简介", .max = 1000}},
     .region_from = {"region_id"}},
    {.name = "channel_items", .table = "channel_items", .label = "渠道内容",
     .fields = {{.key = "channel_id", .label = "渠道", .kind = Kind::ref, .required = true, .filter = true,
                 .ref = &channels_ref},
                {.key = "published_on", .label = "发布日期", .kind = Kind::date, .required = true, .range = true},
                {.key = "title", .label = "标题", .required = true, .max = 200},
                {.key = "link", .label = "链接", .max = 500},
                {.key = "reach", .label = "阅读/收听量", .kind = Kind::integer, .low = 0, .high = 100'000'000}},
     .region_from = {"channel_id"}, .search_column = "title", .default_sort = "-published_on"},
    {.name = "dictionary_items", .table = "dictionary_items", .label = "字典",
     .fields = {{.key = "dict", .label = "字典", .kind = Kind::choice, .required = true, .choices = &choices::dictionary,
                 .filter = true},
                {.key = "value", .label = "值", .required = true, .max = 50},
                {.key = "sort_order", .label = "排序", .kind = Kind::integer, .low = 0, .high = 10000}},
     .region_from = {}, .search_column = "value"},
};

}  // namespace

std::span<Entity const> entities() { return all; }

registry::Registry const& registry_of(std::string_view name) {
  static std::vector<registry::Registry> const registries = [] {
    std::vector<registry::Registry> out;
    for (auto const& e : all) out.emplace_back(e);
    return out;
  }();
  for (auto const& r : registries) {
    if (r.entity().name == name) return r;
  }
  throw std::logic_error("no registry " + std::string(name));
}

}  // namespace pufa::activity
