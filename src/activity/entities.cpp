#include "activity/entities.hpp"

#include <stdexcept>
#include <vector>

namespace pufa::activity {

using namespace pufa::registry;  // NOLINT: entities are written in the engine's terms

namespace {

std::vector<std::string_view> const audiences{"领导干部", "公务员", "青少年", "群众", "企业职工", "老年人",
                                              "妇女儿童", "农民", "外来务工人员", "残疾人"};
std::vector<std::string_view> const six_places{"机关", "乡村", "社区", "学校", "企业", "单位"};
std::vector<std::string_view> const forms{"讲座", "法律赶集", "文艺演出", "以案释法", "模拟法庭", "知识竞赛",
                                          "线上推送", "法律咨询", "培训", "展览", "其他"};
std::vector<std::string_view> const study_kinds{"党委理论中心组学法", "政府常务会议学法", "述职述法", "庭审旁听",
                                                "三长学法说法讲法"};
std::vector<std::string_view> const channel_kinds{"网站", "微信公众号", "微信群", "抖音", "广播", "电视", "报刊", "其他"};

Field status() {
  return {.key = "status", .label = "状态", .kind = Kind::choice, .choices = {"已提交", "已退回"}, .filter = true,
          .readonly = true};
}
Field return_reason() { return {.key = "return_reason", .label = "退回原因", .max = 500, .readonly = true}; }

std::vector<Entity> const all{
    {.name = "activities", .table = "activities", .label = "普法活动",
     .fields = {{.key = "title", .label = "活动名称", .required = true},
                {.key = "starts_on", .label = "活动日期", .kind = Kind::date, .required = true, .range = true},
                {.key = "ends_on", .label = "结束日期", .kind = Kind::date},
                {.key = "time_span", .label = "时间段", .max = 30},
                {.key = "region_id", .label = "所属区域", .kind = Kind::region, .required = true},
                {.key = "place_id", .label = "活动地点", .kind = Kind::ref, .ref = "places"},
                {.key = "unit_id", .label = "主办单位", .kind = Kind::unit, .filter = true, .shared = true},
                {.key = "theme", .label = "主题", .kind = Kind::dict, .required = true, .filter = true,
                 .dict = "activity_theme"},
                {.key = "audience", .label = "对象", .kind = Kind::tags, .choices = audiences, .filter = true},
                {.key = "six_place", .label = "法律六进", .kind = Kind::choice, .choices = six_places, .filter = true},
                {.key = "form", .label = "形式", .kind = Kind::choice, .required = true, .choices = forms, .filter = true},
                {.key = "lecturer_ids", .label = "讲师", .kind = Kind::refs, .ref = "people", .shared = true},
                {.key = "participants", .label = "参与人数", .kind = Kind::integer, .required = true, .low = 0,
                 .high = 1'000'000},
                {.key = "materials", .label = "发放资料（份）", .kind = Kind::integer, .low = 0, .high = 10'000'000},
                {.key = "campaign", .label = "活动品牌", .kind = Kind::dict, .filter = true, .dict = "activity_campaign"},
                {.key = "press_links", .label = "媒体报道", .max = 1000},
                {.key = "photo_ids", .label = "照片", .kind = Kind::refs, .ref = "photos", .ref_name = "original_name"},
                {.key = "description", .label = "活动简介", .max = 2000},
                status(), return_reason()},
     .region_from = {"region_id"}, .search_column = "title", .importable = true},
    {.name = "study_records", .table = "study_records", .label = "学法记录",
     .fields = {{.key = "kind", .label = "类型", .kind = Kind::choice, .required = true, .choices = study_kinds,
                 .filter = true},
                {.key = "unit_id", .label = "单位", .kind = Kind::unit, .required = true, .filter = true},
                {.key = "held_on", .label = "日期", .kind = Kind::date, .required = true, .range = true},
                {.key = "topic", .label = "主题", .required = true},
                {.key = "laws", .label = "所学法律法规", .max = 200},
                {.key = "speakers", .label = "主讲人", .max = 200},
                {.key = "attendees", .label = "参加人数", .kind = Kind::integer, .low = 0, .high = 100'000},
                status(), return_reason()},
     .region_from = {"unit_id"}, .search_column = "topic", .importable = true},
    {.name = "channels", .table = "channels", .label = "普法渠道",
     .fields = {{.key = "name", .label = "名称", .required = true},
                {.key = "kind", .label = "类型", .kind = Kind::choice, .required = true, .choices = channel_kinds,
                 .filter = true},
                {.key = "region_id", .label = "所属区域", .kind = Kind::region, .required = true},
                {.key = "unit_id", .label = "运营单位", .kind = Kind::unit},
                {.key = "schedule", .label = "更新频率", .max = 50},
                {.key = "url", .label = "网址", .max = 300},
                {.key = "description", .label = "简介", .max = 1000}},
     .region_from = {"region_id"}},
    {.name = "channel_items", .table = "channel_items", .label = "渠道内容",
     .fields = {{.key = "channel_id", .label = "渠道", .kind = Kind::ref, .required = true, .filter = true,
                 .ref = "channels"},
                {.key = "published_on", .label = "发布日期", .kind = Kind::date, .required = true, .range = true},
                {.key = "title", .label = "标题", .required = true, .max = 200},
                {.key = "link", .label = "链接", .max = 500},
                {.key = "reach", .label = "阅读/收听量", .kind = Kind::integer, .low = 0, .high = 100'000'000}},
     .region_from = {"channel_id"}, .search_column = "title"},
    {.name = "dictionary_items", .table = "dictionary_items", .label = "字典",
     .fields = {{.key = "dict", .label = "字典", .kind = Kind::choice, .required = true,
                 .choices = {"activity_theme", "activity_campaign"}, .filter = true},
                {.key = "value", .label = "值", .required = true, .max = 50},
                {.key = "sort_order", .label = "排序", .kind = Kind::integer, .low = 0, .high = 10000}},
     .region_from = {}, .search_column = "value"},
};

}  // namespace

std::span<Entity const> entities() { return all; }

Registry const& registry_of(std::string_view name) {
  static std::vector<Registry> const registries = [] {
    std::vector<Registry> out;
    for (auto const& e : all) out.emplace_back(e);
    return out;
  }();
  for (auto const& r : registries) {
    if (r.entity().name == name) return r;
  }
  throw std::logic_error("no registry " + std::string(name));
}

}  // namespace pufa::activity
