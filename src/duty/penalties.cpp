// 以案释法 from enforcement: penalty decisions imported as the enforcement system publishes them,
// each drafted into a 以案释法 case in content, in one transaction with its audit row.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "auth/audit.hpp"
#include "auth/regions.hpp"
#include "base/time.hpp"
#include "content/library.hpp"
#include "duty/common.hpp"
#include "duty/penalty_sheet.hpp"
#include "duty/service.hpp"
#include "duty/store.hpp"
#include "http/error.hpp"
#include "http/request.hpp"
#include "text/personal.hpp"
#include "text/utf8.hpp"

namespace pufa::duty {

using http::ApiError;
using http::AppError;

namespace {

std::string first_character(std::string const& text) {
  std::size_t at = 0;
  std::string out;
  if (!text.empty()) text::append_utf8(out, text::next_code_point(text, at));
  return out;
}

// How a case names the party: 王某 for a person, the trade name for an organisation.
std::string case_party(Penalty const& p) {
  return p.party_kind == party_kind::person ? first_character(p.party) + "某" : p.party;
}

bool digit(char c) { return c >= '0' && c <= '9'; }

// The facts with the person's name as `shown` (王某 in a case, 王*明 on a staff page), ID numbers and
// mobile numbers masked.
std::string scrub(std::string text, Penalty const& p, std::string const& shown) {
  if (p.party_kind == party_kind::person && !p.party.empty()) {
    for (auto at = text.find(p.party); at != std::string::npos; at = text.find(p.party, at + shown.size())) {
      text.replace(at, p.party.size(), shown);
    }
  }
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    auto end = i;
    while (end < text.size() && (digit(text[end]) || ((text[end] == 'X' || text[end] == 'x') && end - i == 17))) ++end;
    auto const run = text.substr(i, end - i);
    if (run.size() == 18 || run.size() == 15) {
      out += text::mask_id_number(run);
    } else if (run.size() == 11 && run[0] == '1') {
      out += text::mask_phone(run);
    } else if (end > i) {
      out += run;
    } else {
      out += text[i];
      end = i + 1;
    }
    i = end;
  }
  return out;
}

std::string chinese_date(std::string const& iso) {
  return fmt::format("{}年{}月{}日", iso.substr(0, 4), std::stoi(iso.substr(5, 2)), std::stoi(iso.substr(8, 2)));
}

}  // namespace

content::library::CaseDraft case_draft(Penalty const& p, org::directory::Unit const& unit, std::optional<std::int64_t> author_id,
                                       std::string const& author_name, std::vector<content::Citation> cited) {
  content::library::CaseDraft draft;
  draft.region_id = unit.region_id;
  draft.region_path = unit.region_path;
  draft.author_id = author_id;
  draft.author_name = author_name;
  auto offence = p.offence.empty() ? std::string("违法") : p.offence;
  if (offence.ends_with("案")) offence.resize(offence.size() - std::string_view("案").size());
  draft.title = std::string(text::prefix_bytes(fmt::format("{}查处{}{}案", unit.name, case_party(p), offence), 600));
  draft.summary = std::string(
      text::prefix_bytes(fmt::format("{}，{}作出{}行政处罚决定：{}", chinese_date(p.decided_on), unit.name, p.doc_no, p.penalty), 1000));
  draft.publisher = unit.name;
  draft.facts = scrub(p.facts, p, case_party(p));
  std::vector<std::string> laws;
  for (auto const& c : p.cited) {
    auto const name = "《" + c.law + "》";
    if (std::find(laws.begin(), laws.end(), name) == laws.end()) laws.push_back(name);
  }
  std::string named;
  for (auto const& law : laws) named += (named.empty() ? "" : "、") + law;
  draft.analysis = fmt::format("当事人的上述行为违反了{}的有关规定。{}依据{}，于{}作出{}行政处罚决定：{}", named, unit.name,
                               p.basis, chinese_date(p.decided_on), p.doc_no, p.penalty);
  draft.paragraphs = {"【基本案情】" + draft.facts, "【处罚决定】" + p.penalty, "【法律依据】" + p.basis};
  draft.cited = std::move(cited);
  return draft;
}

namespace {

std::string shown_party(Penalty const& p, bool reveal) {
  return reveal || p.party_kind != party_kind::person ? p.party : text::mask_name(p.party);
}

// The articles as the library resolves them now; one lookup per law named.
std::vector<CitedView> resolve(db::Connection& conn, std::vector<CitedArticle> const& cited,
                               std::map<std::string, std::optional<laws::library::Law>>& laws_seen) {
  std::vector<CitedView> out;
  for (auto const& c : cited) {
    auto found = laws_seen.find(c.law);
    if (found == laws_seen.end()) found = laws_seen.emplace(c.law, laws::library::law(conn, c.law)).first;
    CitedView view{c, found->second, false};
    view.found = found->second && laws::library::article(conn, std::to_string(found->second->id), c.ref).has_value();
    out.push_back(std::move(view));
  }
  return out;
}

std::vector<PenaltyView> views_of(db::Connection& conn, std::vector<Penalty> penalties, bool reveal) {
  std::vector<std::int64_t> units, cases;
  for (auto const& p : penalties) {
    units.push_back(p.unit_id);
    if (p.case_id) cases.push_back(*p.case_id);
  }
  auto const names = names_of(conn, units);
  auto const states = content::library::case_states(conn, cases);
  std::map<std::string, std::optional<laws::library::Law>> laws_seen;
  std::vector<PenaltyView> out;
  for (auto& p : penalties) {
    PenaltyView view;
    if (auto const name = names.find(p.unit_id); name != names.end()) p.unit_name = name->second;
    view.party_shown = shown_party(p, reveal);
    if (!reveal) p.facts = scrub(p.facts, p, view.party_shown);
    view.revealed = reveal && p.party_kind == party_kind::person;
    if (p.case_id) {
      if (auto const state = states.find(*p.case_id); state != states.end()) view.case_state = state->second;
    }
    view.cited = resolve(conn, p.cited, laws_seen);
    view.penalty = std::move(p);
    out.push_back(std::move(view));
  }
  return out;
}

store::PenaltyFilter scope_of(auth::Principal const& caller, PenaltyQuery const& query) {
  store::PenaltyFilter filter{.region_path = caller.region_path, .unit_id = query.unit_id, .year = query.year};
  if (!caller.has(manage) && caller.unit_id) filter.unit_id = caller.unit_id;
  if (!query.q.empty()) filter.doc_no_like = http::contains_pattern(query.q);
  filter.limit = query.page_size;
  filter.offset = (query.page - 1) * query.page_size;
  return filter;
}

// The unit a file's 处罚机关 names: exactly, or "兰溪市公安局" for the city's "市公安局".
std::optional<org::directory::Unit> enforcer_unit(db::Connection& conn, std::string const& written, std::string const& root_name) {
  if (auto unit = org::directory::unit_named(conn, written)) return unit;
  auto const level = root_name.size() >= 3 ? root_name.substr(root_name.size() - 3) : std::string();  // 市, 县, 区
  if (!level.empty() && written.starts_with(root_name)) {
    return org::directory::unit_named(conn, level + written.substr(root_name.size()));
  }
  return std::nullopt;
}

void add_unlinked(std::vector<PenaltyImport::Unlinked>& list, std::string const& law, std::optional<laws::ArticleRef> ref,
                  std::size_t row) {
  auto found = std::find_if(list.begin(), list.end(), [&](auto const& u) { return u.law == law && u.ref == ref; });
  if (found == list.end()) found = list.insert(list.end(), {law, ref, {}});
  if (found->rows.empty() || found->rows.back() != row) found->rows.push_back(row);
}

}  // namespace

PenaltyPage DutyService::penalties(auth::Actor const& actor, PenaltyQuery const& query) const {
  auto const& caller = actor.user();
  require_duty(caller);
  auto const filter = scope_of(caller, query);
  return db_.read([&](db::Connection& conn) {
    PenaltyPage page;
    page.items = views_of(conn, store::penalties(conn, filter), false);
    page.total = store::count_penalties(conn, filter);
    return page;
  });
}

PenaltyView DutyService::penalty(auth::Actor const& actor, std::int64_t id, bool reveal) const {
  auto const& caller = actor.user();
  require_duty(caller);
  if (reveal && !caller.has("pii.read")) throw ApiError(AppError::forbidden, "您没有查看完整个人信息的权限");
  auto load = [&](db::Connection& conn) {
    auto penalty = store::penalty(conn, id);
    if (!penalty) throw ApiError(AppError::not_found, "处罚决定不存在");
    require_unit(caller, unit_or_fail(conn, penalty->unit_id, "unit_id"));
    return std::move(*penalty);
  };
  if (!reveal) {
    return db_.read([&](db::Connection& conn) { return std::move(views_of(conn, {load(conn)}, false).front()); });
  }
  return db_.write([&](db::Connection& conn) {
    auto view = std::move(views_of(conn, {load(conn)}, true).front());
    if (view.revealed) auth::audit(conn, actor, "duty.penalty.reveal", "duty_penalty", std::to_string(id), "当事人");
    return view;
  });
}

PenaltyImport DutyService::import_penalties(auth::Actor const& actor, std::string_view bytes,
                                            std::optional<std::int64_t> unit_id) const {
  auto const& caller = actor.user();
  require_duty(caller);
  if (!caller.has("content.write")) throw ApiError(AppError::forbidden, "导入处罚决定会生成以案释法案例草稿，需要发布文章的权限");
  if (!unit_id && !caller.has(manage) && caller.unit_id) unit_id = caller.unit_id;
  auto read = read_penalties(bytes, today());  // parsed before the transaction opens
  return db_.write([&](db::Connection& conn) {
    PenaltyImport report;
    report.sheet = read.sheet;
    // The unit of each row: the one asked for, else what its 处罚机关 names.
    std::optional<org::directory::Unit> fixed;
    if (unit_id) {
      fixed = unit_or_fail(conn, *unit_id, "unit_id");
      require_unit(caller, *fixed);
    }
    auto const root_name = auth::regions::root(conn).name;
    std::map<std::string, std::optional<org::directory::Unit>> named;
    std::vector<org::directory::Unit> units;
    boost::json::array problems;
    for (auto const& row : read.rows) {
      if (fixed) {
        units.push_back(*fixed);
        continue;
      }
      auto const& written = row.penalty.enforcer;
      if (written.empty()) {
        problems.push_back({{"row", static_cast<std::int64_t>(row.row)}, {"field", "enforcer"}, {"message", "请填写处罚机关，或以本单位身份导入"}});
        units.emplace_back();
        continue;
      }
      auto found = named.find(written);
      if (found == named.end()) found = named.emplace(written, enforcer_unit(conn, written, root_name)).first;
      if (!found->second) {
        problems.push_back({{"row", static_cast<std::int64_t>(row.row)}, {"field", "enforcer"},
                            {"message", fmt::format("处罚机关「{}」不是平台中的单位，请核对名称，或选择单位后导入", written)}});
      } else if (!acts_for(caller, *found->second)) {
        problems.push_back({{"row", static_cast<std::int64_t>(row.row)}, {"field", "enforcer"},
                            {"message", fmt::format("处罚机关「{}」不在您负责的单位范围内", written)}});
      }
      units.push_back(found->second.value_or(org::directory::Unit{}));
    }
    if (!problems.empty()) {
      auto const count = problems.size();
      throw ApiError(AppError::import_failed, fmt::format("导入失败：{} 处错误，未写入任何数据", count))
          .with({{"rows", std::move(problems)}, {"sheet", read.sheet}});
    }
    std::vector<std::string> doc_nos;
    for (auto const& row : read.rows) doc_nos.push_back(row.penalty.doc_no);
    auto const stored_list = store::stored_doc_nos(conn, doc_nos);
    std::set<std::string> const stored(stored_list.begin(), stored_list.end());
    auto const now = base::now_ms();
    std::map<std::string, std::optional<laws::library::Law>> laws_seen;
    for (std::size_t i = 0; i < read.rows.size(); ++i) {
      auto& row = read.rows[i];
      if (stored.contains(row.penalty.doc_no)) {
        report.skipped.push_back({row.row, row.penalty.doc_no});
        continue;
      }
      auto& p = row.penalty;
      auto const& unit = units[i];
      p.unit_id = unit.id;
      p.region_path = unit.region_path;
      if (p.enforcer.empty()) p.enforcer = unit.name;
      p.imported_by = caller.user_id;
      p.imported_at = now;
      std::vector<content::Citation> linked;
      for (auto const& view : resolve(conn, p.cited, laws_seen)) {
        if (!view.law) add_unlinked(report.unknown_laws, view.cited.law, std::nullopt, row.row);
        else if (!view.found) add_unlinked(report.unknown_articles, view.cited.law, view.cited.ref, row.row);
        else linked.push_back({view.cited.law, view.cited.ref});
      }
      for (auto const& law : row.basis.without_article) add_unlinked(report.without_article, law, std::nullopt, row.row);
      p.id = store::insert_penalty(conn, p);
      auto const case_id = content::library::draft_case(conn, case_draft(p, unit, caller.user_id, caller.display_name, std::move(linked)));
      store::set_penalty_case(conn, p.id, case_id);
      ++report.imported;
    }
    auth::audit(conn, actor, "duty.penalty.import", "duty_penalty", "",
                fmt::format("导入 {} 条，跳过 {} 条", report.imported, report.skipped.size()));
    return report;
  });
}

}  // namespace pufa::duty
