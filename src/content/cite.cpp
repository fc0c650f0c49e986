#include "content/cite.hpp"

namespace pufa::content {

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

std::optional<ResolvedCitation> resolve(db::Connection& conn, Citation const& citation) {
  auto const key = law_key(citation.law);
  if (key.empty()) return std::nullopt;
  auto law = laws::store::find_law(conn, key);
  if (!law) return std::nullopt;
  auto version = laws::store::latest_version(conn, law->id);
  if (!version) return std::nullopt;
  auto article = laws::store::article(conn, version->id, citation.ref);
  if (!article) return std::nullopt;
  std::string text;
  for (std::size_t i = 0; i < article->paragraphs.size(); ++i) text += (i ? "\n" : "") + article->paragraphs[i];
  return ResolvedCitation{std::move(*law), std::move(*article), std::move(text)};
}

std::string law_article_url(std::int64_t law_id, laws::ArticleRef ref) {
  auto number = std::to_string(ref.number);
  if (ref.suffix > 0) number += "之" + laws::to_chinese(ref.suffix);
  return "/laws/" + std::to_string(law_id) + "/articles/" + number;
}

}  // namespace pufa::content
