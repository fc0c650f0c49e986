#include "org/entities.hpp"

#include <stdexcept>
#include <vector>


namespace pufa::org {

using registry::ChoiceList;
using registry::Entity;
using registry::Field;
using registry::Kind;
using registry::Ref;

namespace choices {
ChoiceList const unit_type{"unit_type",
                           {{"department", "机关部门"},
                            {"school", "学校"},
                            {"enterprise", "企业"},
                            {"legal_service", "法律服务站点"},
                            {"media", "媒体"},
                            {"village_committee", "村（居）民委员会"},
                            {"other", "其他"}}};
ChoiceList const school_stage{"school_stage",
                              {{"primary", "小学"},
                               {"junior", "初中"},
                               {"nine_year", "九年一贯制"},
                               {"senior", "高中"},
                               {"vocational", "中职"},
                               {"special", "特殊教育"}}};
ChoiceList const gender{"gender", {{"male", "男"}, {"female", "女"}}};
ChoiceList const person_tag{"person_tag",
                            {{"legal_literate", "法律明白人"},
                             {"rule_leader", "法治带头人"},
                             {"model_household", "守法示范户"},
                             {"vice_principal", "法治副校长"},
                             {"legal_advisor", "法律顾问"},
                             {"mediator", "调解员"},
                             {"grid_worker", "网格员"},
                             {"lecturer", "讲师"},
                             {"volunteer", "志愿者"},
                             {"liaison", "联络员"}}};
ChoiceList const team_kind{"team_kind", {{"lecturers", "讲师团"}, {"volunteers", "志愿者队伍"}}};
ChoiceList const team_role{"team_role", {{"leader", "团长"}, {"deputy", "副团长"}, {"member", "成员"}}};
ChoiceList const place_type{"place_type",
                            {{"constitution_park", "宪法主题公园"},
                             {"civil_code_park", "民法典主题公园"},
                             {"rule_of_law_park", "法治主题公园"},
                             {"stairway", "法治楼道"},
                             {"courtyard", "法治庭院"},
                             {"corridor", "法治长廊"},
                             {"micro_community", "法治微小区"},
                             {"constitution_room", "宪法学习室"},
                             {"reading_room", "法治书屋"},
                             {"youth_base", "青少年法治教育基地"},
                             {"culture_square", "法治文化广场"},
                             {"other", "其他"}}};
}  // namespace choices

namespace refs {
Ref const units{.table = "units", .example = "市司法局"};
Ref const schools{.table = "units", .filter = "type = 'school'", .example = "兰溪市实验小学"};
Ref const people{.table = "people", .example = "张三"};
Ref const teams{.table = "teams", .example = "宪法宣讲团"};
Ref const places{.table = "places", .example = "马坞村宪法主题公园"};
// Tables of areas that keep no registry: accounts (auth) and photos (media).
Ref const users{.table = "users", .name = "username"};
Ref const photos{.table = "photos", .name = "original_name", .filter = "deleted_at IS NULL"};
}  // namespace refs

namespace {

Field region(bool required = true) {
  return {.key = "region_id", .label = "所属区域", .kind = Kind::region, .required = required};
}
Field text(std::string_view key, std::string_view label, std::size_t max = 100, bool required = false) {
  return {.key = key, .label = label, .kind = Kind::text, .required = required, .max = max};
}
Field choice(std::string_view key, std::string_view label, ChoiceList const& list, bool required = false) {
  return {.key = key, .label = label, .kind = Kind::choice, .required = required, .choices = &list, .filter = true};
}

std::vector<Entity> const all{
    {.name = "units", .table = "units", .label = "单位",
     .fields = {text("name", "单位名称", 100, true), choice("type", "单位类型", choices::unit_type, true), region(),
                text("code", "统一社会信用代码", 18), text("address", "地址", 200), text("contact", "联系人", 30),
                {.key = "phone", .label = "联系电话", .kind = Kind::phone}},
     .region_from = {"region_id"}, .importable = true, .shareable = true},
    {.name = "schools", .table = "units", .label = "学校",
     .fields = {text("name", "学校名称", 100, true), choice("stage", "学段", choices::school_stage), region(),
                text("address", "地址", 200), text("contact", "联系人", 30),
                {.key = "phone", .label = "联系电话", .kind = Kind::phone}},
     .region_from = {"region_id"}, .fixed_column = "type", .fixed_value = school_type, .importable = true},
    {.name = "people", .table = "people", .label = "人员",
     .fields = {text("name", "姓名", 30, true), choice("gender", "性别", choices::gender), region(false),
                {.key = "unit_id", .label = "所在单位", .kind = Kind::ref, .filter = true, .ref = &refs::units},
                text("posts", "职务", 100), {.key = "phone", .label = "手机号", .kind = Kind::phone},
                {.key = "id_number", .label = "身份证号", .kind = Kind::id_number},
                {.key = "tags", .label = "标签", .kind = Kind::tags, .choices = &choices::person_tag},
                {.key = "user_id", .label = "登录账号", .kind = Kind::ref, .ref = &refs::users}},
     .region_from = {"region_id", "unit_id"}, .importable = true, .shareable = true,
     .shared_tags = {"lecturer", "legal_advisor", "vice_principal"}},
    {.name = "teams", .table = "teams", .label = "队伍",
     .fields = {text("name", "名称", 50, true), choice("kind", "类型", choices::team_kind, true), text("theme", "主题", 50),
                region(), {.key = "leader_id", .label = "负责人", .kind = Kind::ref, .ref = &refs::people},
                text("topics", "宣讲课题", 500), text("description", "简介", 1000)},
     .region_from = {"region_id"}},
    {.name = "team_members", .table = "team_members", .label = "队伍成员",
     .fields = {{.key = "team_id", .label = "队伍", .kind = Kind::ref, .required = true, .filter = true, .ref = &refs::teams},
                {.key = "person_id", .label = "成员", .kind = Kind::ref, .required = true, .filter = true,
                 .ref = &refs::people},
                {.key = "role", .label = "角色", .kind = Kind::choice, .choices = &choices::team_role},
                text("topics", "宣讲课题", 500)},
     .region_from = {"team_id"}, .search_column = ""},
    {.name = "volunteer_hours", .table = "volunteer_hours", .label = "志愿服务记录",
     .fields = {{.key = "person_id", .label = "志愿者", .kind = Kind::ref, .required = true, .filter = true,
                 .ref = &refs::people},
                {.key = "served_on", .label = "服务日期", .kind = Kind::date, .required = true},
                {.key = "hours", .label = "时长（小时）", .kind = Kind::number, .required = true, .low = 0.5, .high = 24},
                text("description", "服务内容", 200)},
     .region_from = {"person_id"}, .search_column = "description"},
    {.name = "vice_principals", .table = "vice_principals", .label = "法治副校长",
     .fields = {{.key = "school_id", .label = "学校", .kind = Kind::ref, .required = true, .filter = true,
                 .ref = &refs::schools},
                {.key = "person_id", .label = "人员", .kind = Kind::ref, .required = true, .filter = true,
                 .ref = &refs::people, .shared = true},
                {.key = "sending_unit_id", .label = "派出单位", .kind = Kind::ref, .filter = true, .ref = &refs::units,
                 .shared = true},
                {.key = "term_start", .label = "任期开始", .kind = Kind::date},
                {.key = "term_end", .label = "任期结束", .kind = Kind::date}},
     .region_from = {"school_id"}, .search_column = ""},
    {.name = "advisor_contracts", .table = "advisor_contracts", .label = "法律顾问合同",
     .fields = {{.key = "client_unit_id", .label = "服务单位", .kind = Kind::ref, .filter = true, .ref = &refs::units},
                {.key = "client_region_id", .label = "服务村（社区）", .kind = Kind::region, .filter = true},
                {.key = "advisor_id", .label = "法律顾问", .kind = Kind::ref, .required = true, .filter = true,
                 .ref = &refs::people, .shared = true},
                text("firm", "律师事务所", 100),
                {.key = "starts_on", .label = "起始日期", .kind = Kind::date, .required = true},
                {.key = "ends_on", .label = "终止日期", .kind = Kind::date}},
     .region_from = {"client_unit_id", "client_region_id"}, .search_column = "firm",
     .one_of = {"client_unit_id", "client_region_id"}},
    {.name = "places", .table = "places", .label = "法治阵地",
     .fields = {text("name", "名称", 100, true), choice("type", "类型", choices::place_type, true), region(),
                text("address", "地址", 200), {.key = "opened_on", .label = "建成日期", .kind = Kind::date},
                {.key = "photo_ids", .label = "照片", .kind = Kind::refs, .ref = &refs::photos},
                {.key = "latitude", .label = "纬度", .kind = Kind::number, .low = -90, .high = 90},
                {.key = "longitude", .label = "经度", .kind = Kind::number, .low = -180, .high = 180},
                text("description", "简介", 1000)},
     .region_from = {"region_id"}},
};

}  // namespace

std::span<Entity const> entities() { return all; }

std::int64_t reseal(db::Connection& conn) {
  std::int64_t changed = 0;
  for (auto const& entity : all) changed += registry_of(entity.name).reseal(conn);
  return changed;
}

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

}  // namespace pufa::org
