#include "org/entities.hpp"

#include <stdexcept>

namespace pufa::org {

using namespace pufa::registry;  // NOLINT: entities are written in the engine's terms

namespace {

std::vector<std::string_view> const unit_types{"机关部门", "学校", "企业", "法律服务站点", "媒体", "其他"};
std::vector<std::string_view> const school_stages{"小学", "初中", "九年一贯制", "高中", "中职", "特殊教育"};
std::vector<std::string_view> const person_tags{"法律明白人", "法治带头人", "守法示范户", "法治副校长", "法律顾问",
                                                "调解员", "网格员", "讲师", "志愿者", "联络员"};
std::vector<std::string_view> const place_types{
    "宪法主题公园", "民法典主题公园", "法治主题公园", "法治楼道", "法治庭院", "法治长廊", "法治微小区",
    "宪法学习室", "法治书屋", "青少年法治教育基地", "法治文化广场", "其他"};

Field region(bool required = true) {
  return {.key = "region_id", .label = "所属区域", .kind = Kind::region, .required = required};
}
Field text(std::string_view key, std::string_view label, std::size_t max = 100, bool required = false) {
  return {.key = key, .label = label, .kind = Kind::text, .required = required, .max = max};
}

std::vector<Entity> const all{
    {.name = "units", .table = "units", .label = "单位",
     .fields = {text("name", "单位名称", 100, true),
                {.key = "type", .label = "单位类型", .kind = Kind::choice, .required = true,
                 .choices = unit_types, .filter = true},
                region(), text("code", "统一社会信用代码", 18), text("address", "地址", 200),
                text("contact", "联系人", 30), {.key = "phone", .label = "联系电话", .kind = Kind::phone}},
     .region_from = {"region_id"}, .importable = true, .shareable = true},
    {.name = "schools", .table = "units", .label = "学校",
     .fields = {text("name", "学校名称", 100, true),
                {.key = "stage", .label = "学段", .kind = Kind::choice, .choices = school_stages, .filter = true},
                region(), text("address", "地址", 200), text("contact", "联系人", 30),
                {.key = "phone", .label = "联系电话", .kind = Kind::phone}},
     .region_from = {"region_id"}, .fixed_column = "type", .fixed_value = school_type, .importable = true},
    {.name = "people", .table = "people", .label = "人员",
     .fields = {text("name", "姓名", 30, true),
                {.key = "gender", .label = "性别", .kind = Kind::choice, .choices = {"男", "女"}, .filter = true},
                region(false), {.key = "unit_id", .label = "所在单位", .kind = Kind::unit, .filter = true},
                text("posts", "职务", 100), {.key = "phone", .label = "手机号", .kind = Kind::phone},
                {.key = "id_number", .label = "身份证号", .kind = Kind::id_number},
                {.key = "tags", .label = "标签", .kind = Kind::tags, .choices = person_tags},
                {.key = "user_id", .label = "登录账号", .kind = Kind::user}},
     .region_from = {"region_id", "unit_id"}, .importable = true, .shareable = true,
     .shared_tags = {"讲师", "法律顾问", "法治副校长"}},
    {.name = "teams", .table = "teams", .label = "队伍",
     .fields = {text("name", "名称", 50, true),
                {.key = "kind", .label = "类型", .kind = Kind::choice, .required = true,
                 .choices = {"讲师团", "志愿者队伍"}, .filter = true},
                text("theme", "主题", 50), region(), {.key = "leader_id", .label = "负责人", .kind = Kind::person},
                text("topics", "宣讲课题", 500), text("description", "简介", 1000)},
     .region_from = {"region_id"}},
    {.name = "team_members", .table = "team_members", .label = "队伍成员",
     .fields = {{.key = "team_id", .label = "队伍", .kind = Kind::team, .required = true, .filter = true},
                {.key = "person_id", .label = "成员", .kind = Kind::person, .required = true, .filter = true},
                {.key = "role", .label = "角色", .kind = Kind::choice, .choices = {"团长", "副团长", "成员"}},
                text("topics", "宣讲课题", 500)},
     .region_from = {"team_id"}, .search_column = ""},
    {.name = "volunteer_hours", .table = "volunteer_hours", .label = "志愿服务记录",
     .fields = {{.key = "person_id", .label = "志愿者", .kind = Kind::person, .required = true, .filter = true},
                {.key = "served_on", .label = "服务日期", .kind = Kind::date, .required = true},
                {.key = "hours", .label = "时长（小时）", .kind = Kind::number, .required = true, .low = 0.5, .high = 24},
                text("description", "服务内容", 200)},
     .region_from = {"person_id"}, .search_column = "description"},
    {.name = "vice_principals", .table = "vice_principals", .label = "法治副校长",
     .fields = {{.key = "school_id", .label = "学校", .kind = Kind::school, .required = true, .filter = true},
                {.key = "person_id", .label = "人员", .kind = Kind::person, .required = true, .filter = true,
                 .shared = true},
                {.key = "sending_unit_id", .label = "派出单位", .kind = Kind::unit, .filter = true, .shared = true},
                {.key = "term_start", .label = "任期开始", .kind = Kind::date},
                {.key = "term_end", .label = "任期结束", .kind = Kind::date}},
     .region_from = {"school_id"}, .search_column = ""},
    {.name = "advisor_contracts", .table = "advisor_contracts", .label = "法律顾问合同",
     .fields = {{.key = "client_unit_id", .label = "服务单位", .kind = Kind::unit, .filter = true},
                {.key = "client_region_id", .label = "服务村（社区）", .kind = Kind::region, .filter = true},
                {.key = "advisor_id", .label = "法律顾问", .kind = Kind::person, .required = true, .filter = true,
                 .shared = true},
                text("firm", "律师事务所", 100),
                {.key = "starts_on", .label = "起始日期", .kind = Kind::date, .required = true},
                {.key = "ends_on", .label = "终止日期", .kind = Kind::date}},
     .region_from = {"client_unit_id", "client_region_id"}, .search_column = "firm",
     .one_of = {"client_unit_id", "client_region_id"}},
    {.name = "places", .table = "places", .label = "法治阵地",
     .fields = {text("name", "名称", 100, true),
                {.key = "type", .label = "类型", .kind = Kind::choice, .required = true, .choices = place_types,
                 .filter = true},
                region(), text("address", "地址", 200), {.key = "opened_on", .label = "建成日期", .kind = Kind::date},
                {.key = "photo_ids", .label = "照片", .kind = Kind::refs, .ref = "photos", .ref_name = "original_name"},
                {.key = "latitude", .label = "纬度", .kind = Kind::number, .low = -90, .high = 90},
                {.key = "longitude", .label = "经度", .kind = Kind::number, .low = -180, .high = 180},
                text("description", "简介", 1000)},
     .region_from = {"region_id"}},
};

}  // namespace

std::span<Entity const> entities() { return all; }

Entity const& entity(std::string_view name) {
  for (auto const& e : all) {
    if (e.name == name) return e;
  }
  throw std::logic_error("no entity " + std::string(name));
}

}  // namespace pufa::org
