#include "laws/library.hpp"

#include "laws/store.hpp"

namespace pufa::laws::library {

std::string Article::text() const {
  std::string out;
  for (std::size_t i = 0; i < paragraphs.size(); ++i) out += (i ? "\n" : "") + paragraphs[i];
  return out;
}

std::string Article::url() const { return article_url(law.id, ref); }

std::string law_key(std::string_view written) {
  auto trim = [](std::string_view& s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  };
  trim(written);
  constexpr std::string_view open = "《", close = "》";
  if (written.starts_with(open)) written.remove_prefix(open.size());
  if (written.ends_with(close)) written.remove_suffix(close.size());
  trim(written);
  return std::string(written);
}

std::optional<Law> law(db::Connection& conn, std::string_view written) {
  auto const key = law_key(written);
  if (key.empty()) return std::nullopt;
  auto row = store::find_law(conn, key);
  if (!row) return std::nullopt;
  return Law{row->id, row->title, row->short_title, row->category};
}

std::optional<Article> article(db::Connection& conn, std::string_view written, ArticleRef ref) {
  auto found = law(conn, written);
  if (!found) return std::nullopt;
  auto version = store::latest_version(conn, found->id);
  if (!version) return std::nullopt;
  auto row = store::article(conn, version->id, ref);
  if (!row) return std::nullopt;
  return Article{std::move(*found), row->ref, row->label, std::move(row->paragraphs)};
}

std::optional<Article> cited(db::Connection& conn, std::string_view text) {
  auto const at = text.find("第");
  auto const space = text.rfind(' ');
  auto const split = at != std::string_view::npos ? at : space;
  if (split == std::string_view::npos || split == 0) return std::nullopt;
  auto const ref = parse_article_ref(text.substr(split));
  if (!ref) return std::nullopt;
  return article(conn, text.substr(0, split), *ref);
}

std::string article_url(std::int64_t law_id, ArticleRef ref) {
  auto number = std::to_string(ref.number);
  if (ref.suffix > 0) number += "之" + to_chinese(ref.suffix);
  return "/laws/" + std::to_string(law_id) + "/articles/" + number;
}

std::vector<Issued> issued_in(db::Connection& conn, int year) {
  std::vector<Issued> out;
  auto const y = std::to_string(year);
  for (auto& v : store::versions_between(conn, y + "-01-01", y + "-12-31")) {
    out.push_back({{v.law.id, std::move(v.law.title), std::move(v.law.short_title), std::move(v.law.category)},
                   std::move(v.version_date), v.amends});
  }
  return out;
}

}  // namespace pufa::laws::library
