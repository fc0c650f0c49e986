// The compiled-in word lists of the search: legal terms for the segmenter, query stop words, and
// synonyms of everyday words. Plain data; segment.cpp builds its lookups from them once.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace pufa::search {

// Whitespace-separated terms.
std::string_view legal_terms();
std::string_view stop_words();

// (word, groups): the query word is replaced by the groups; groups are separated by a space and
// the alternatives of one group by '|' ("工资|劳动报酬"; "网络 购买|销售"). A group matches when
// any of its alternatives does. Empty groups drop the word.
std::vector<std::pair<std::string_view, std::string_view>> synonym_list();

}  // namespace pufa::search
