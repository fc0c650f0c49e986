#include "service/entities.hpp"

#include "org/entities.hpp"

namespace pufa::service {

using registry::ChoiceList;
using registry::Entity;
using registry::Field;
using registry::Kind;

namespace choices {
ChoiceList const station_level{"station_level",
                               {{"city", "市级公共法律服务中心"},
                                {"township", "乡镇（街道）公共法律服务站"},
                                {"village", "村（社区）公共法律服务点"}}};
ChoiceList const station_window{"station_window",
                                {{"consult", "法律咨询"}, {"aid", "法律援助"}, {"reception", "综合接待"}, {"complaints", "投诉受理"}}};
}  // namespace choices

namespace {

Field text(std::string_view key, std::string_view label, std::size_t max, bool required = false) {
  return {.key = key, .label = label, .kind = Kind::text, .required = required, .max = max};
}

Entity const station_entity{
    .name = "service_stations",
    .table = "service_stations",
    .label = "公共法律服务站点",
    .fields = {text("name", "站点名称", 100, true),
               {.key = "level", .label = "层级", .kind = Kind::choice, .required = true, .choices = &choices::station_level,
                .filter = true},
               {.key = "region_id", .label = "所在区域", .kind = Kind::region, .required = true},
               text("address", "地址", 200),
               text("phone", "联系电话", 40),
               text("hours", "开放时间", 100),
               text("staff", "工作人员", 200),
               {.key = "windows", .label = "服务窗口", .kind = Kind::tags, .choices = &choices::station_window, .filter = true},
               text("brand", "品牌名称", 40),
               text("brand_intro", "品牌简介", 1000),
               {.key = "photo_ids", .label = "照片", .kind = Kind::refs, .ref = &org::refs::photos, .imported = false}},
    .region_from = {"region_id"},
    .importable = true,
};

}  // namespace

registry::Registry const& stations() {
  static registry::Registry const registry(station_entity);
  return registry;
}

}  // namespace pufa::service
