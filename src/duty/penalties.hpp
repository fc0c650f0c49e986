// 以案释法 from enforcement (谁执法谁普法): what the use cases over imported penalty decisions take
// and hand out. The decisions are the provincial penalty system's output; Pufa keeps them, drafts
// a case in content from each, and counts the cases a unit publishes for its list's rule
// `{"kind": "case"}` (rules.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "content/library.hpp"
#include "duty/model.hpp"
#include "laws/library.hpp"
#include "org/directory.hpp"

namespace pufa::duty {

struct PenaltyQuery {
  std::optional<int> year;
  std::optional<std::int64_t> unit_id;
  std::string q;  // part of a 决定书文号 (never the party: personal data is not searched)
  std::int64_t page = 1, page_size = 20;
};

// An article the basis cites, as the law library resolves it now.
struct CitedView {
  CitedArticle cited;
  std::optional<laws::library::Law> law;  // none: the library has no such law (yet)
  bool found = false;                     // the library holds the article
};

struct PenaltyView {
  Penalty penalty;
  std::string party_shown;  // masked for a person unless revealed
  bool revealed = false;
  std::optional<content::library::CaseState> case_state;  // none: no case, or its draft was deleted
  std::vector<CitedView> cited;
};

struct PenaltyPage {
  std::vector<PenaltyView> items;
  std::int64_t total = 0;
};

// What an import did: decisions stored (each with its draft case), those already stored (by
// 决定书文号), and what the law library could not link, by row.
struct PenaltyImport {
  std::string sheet;
  std::int64_t imported = 0;
  struct Skipped {
    std::size_t row;
    std::string doc_no;
  };
  std::vector<Skipped> skipped;
  struct Unlinked {
    std::string law;
    std::optional<laws::ArticleRef> ref;  // none: the law itself is unknown (or named no article)
    std::vector<std::size_t> rows;
  };
  std::vector<Unlinked> unknown_laws, unknown_articles, without_article;
};

// The 以案释法 draft a decision becomes: "市市场监管局查处王某销售超过保质期食品案", the facts with a
// person named 王某 and ID and mobile numbers masked, the decision and its basis, `cited` linked.
content::library::CaseDraft case_draft(Penalty const& penalty, org::directory::Unit const& unit,
                                       std::optional<std::int64_t> author_id, std::string const& author_name,
                                       std::vector<content::Citation> cited);

// The demo's penalty decisions of 2019–2020 by the city's enforcing departments, each with its case
// (most 2020 cases published some days after the decision).
void load_penalty_demo(db::Connection& conn);

}  // namespace pufa::duty
