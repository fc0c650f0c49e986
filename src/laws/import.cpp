#include "laws/import.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "auth/audit.hpp"
#include "base/random.hpp"
#include "base/time.hpp"
#include "laws/parser.hpp"
#include "laws/store.hpp"
#include "search/search.hpp"

namespace pufa::laws {

namespace {

constexpr std::string_view official_prefix = "中华人民共和国";

struct ParsedFile {
  Law law;
  store::Source source;
};

std::string read_file(std::filesystem::path const& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Law files sit in category folders; files at the top (SOURCE.md, README) are not laws.
std::vector<std::filesystem::path> law_files(std::filesystem::path const& dir) {
  std::vector<std::filesystem::path> out;
  for (auto const& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".md") continue;
    if (entry.path().parent_path() == dir) continue;
    out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string short_title(std::string const& title) {
  std::string_view view(title);
  if (view.starts_with(official_prefix) && view.size() > official_prefix.size())
    view.remove_prefix(official_prefix.size());
  return std::string(view);
}

std::string article_url(std::int64_t law_id, ArticleRef ref) {
  auto out = "/laws/" + std::to_string(law_id) + "/articles/" + std::to_string(ref.number);
  if (ref.suffix > 0) out += "之" + to_chinese(ref.suffix);
  return out;
}

// Search holds every article of each law's latest version. Runs in the import's transaction:
// when `law` is (now) the latest version, or search lacks the law (a library imported before
// search existed), the law's articles are indexed again.
void index_for_search(db::Connection& conn, Law const& law, bool changed) {
  auto const found = store::find_law(conn, law.title);
  if (!found) return;
  auto const latest = store::latest_version(conn, found->id);
  if (!latest || latest->version_date != law.version_date) return;
  if (!changed && search::count_law(conn, found->id) == latest->article_count) return;
  search::remove_law(conn, found->id);
  auto const rows = store::article_index(conn, latest->id);
  for (std::size_t i = 0; i < rows.size() && i < law.articles.size(); ++i) {
    auto const& article = law.articles[i];
    std::string section;
    for (auto const& title : law.path(article.node)) section += (section.empty() ? "" : " ") + title;
    search::upsert(conn, {.kind = "law",
                          .ref_id = rows[i].id,
                          .law_id = found->id,
                          .title = law.title,
                          .heading = article.label,
                          .section = section,
                          .body = article.text(),
                          .date = law.version_date,
                          .url = article_url(found->id, article.ref)});
  }
}

}  // namespace

int import_laws(db::Database& db, std::filesystem::path const& dir, std::ostream& out) {
  if (!std::filesystem::is_directory(dir))
    throw std::runtime_error("not a folder: " + dir.string());
  auto const root = std::filesystem::canonical(dir);
  int failures = 0;
  std::size_t files = 0, articles = 0;
  // One law version per (title, version date); 民法典 parts share both.
  std::map<std::pair<std::string, std::string>, std::vector<ParsedFile>> versions;
  for (auto const& path : law_files(root)) {
    ++files;
    auto const relative = path.lexically_relative(root).generic_string();
    auto const text = read_file(path);
    auto parsed = parse_law(text);
    if (auto const* error = std::get_if<ParseError>(&parsed)) {
      out << relative << ":" << error->line << ": " << error->message << "\n";
      ++failures;
      continue;
    }
    auto law = std::get<Law>(std::move(parsed));
    law.category = path.parent_path().lexically_relative(root).generic_string();
    law.version_date = date_in_file_name(path.filename().string());
    if (law.version_date.empty()) law.version_date = latest_history_date(law.history);
    articles += law.articles.size();
    auto key = std::make_pair(law.title, law.version_date);
    versions[key].push_back({std::move(law), {relative, base::sha256_hex(text)}});
  }

  std::size_t changed = 0;
  std::set<std::string> titles;
  for (auto& [key, parts] : versions) {
    titles.insert(key.first);
    std::vector<store::Source> sources;
    for (auto const& part : parts) sources.push_back(part.source);
    Law law;
    if (parts.size() == 1 && parts.front().law.part.empty()) {
      law = std::move(parts.front().law);
    } else {
      std::vector<Law> laws;
      for (auto& part : parts) laws.push_back(std::move(part.law));
      law = merge_parts(std::move(laws));
    }
    try {
      auto const outcome = db.write([&](db::Connection& conn) {
        auto const result =
            store::save_version(conn, law, short_title(law.title), sources, base::now_ms());
        index_for_search(conn, law, result != store::Outcome::unchanged);
        if (result != store::Outcome::unchanged) {
          auth::AuditEntry entry;
          entry.username = "cli";
          entry.action = result == store::Outcome::added ? "law.import" : "law.reimport";
          entry.object_type = "law";
          entry.object_id = law.title;
          entry.detail = law.version_date;
          auth::record_audit(conn, entry);
        }
        return result;
      });
      if (outcome != store::Outcome::unchanged) ++changed;
    } catch (db::DbError const& error) {
      out << sources.front().name << ": " << error.what() << "\n";
      ++failures;
    }
  }
  out << files << " files, " << titles.size() << " laws, " << articles << " articles; " << changed
      << " changed";
  if (failures > 0) out << "; " << failures << " failed";
  out << std::endl;
  return failures > 0 ? 1 : 0;
}

}  // namespace pufa::laws
