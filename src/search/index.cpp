#include "search/index.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <limits>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "search/segment.hpp"

namespace pufa::search {

namespace {

constexpr std::uint32_t end_slot = std::numeric_limits<std::uint32_t>::max();
constexpr std::int64_t load_page = 10'000;  // documents per query while loading
// How long a node answers from its index without asking the database whether it changed.
constexpr std::chrono::steady_clock::duration check_interval = std::chrono::milliseconds(50);

using Postings = std::vector<std::uint32_t>;

// A cursor over slots in increasing order: seek(t) moves to the first slot >= t it holds.
class Cursor {
 public:
  virtual ~Cursor() = default;
  virtual std::uint32_t seek(std::uint32_t target) = 0;
};

class ListCursor final : public Cursor {
 public:
  explicit ListCursor(Postings const& list) : list_(list) {}
  std::uint32_t seek(std::uint32_t target) override {
    auto const n = list_.size();
    if (at_ >= n) return end_slot;
    if (list_[at_] >= target) return list_[at_];
    // Galloping: rare lists leap over long ones.
    std::size_t low = at_, step = 1, high = at_ + 1;
    while (high < n && list_[high] < target) {
      low = high;
      step *= 2;
      high = at_ + step;
    }
    high = std::min(high, n);
    at_ = static_cast<std::size_t>(
        std::lower_bound(list_.begin() + static_cast<std::ptrdiff_t>(low),
                         list_.begin() + static_cast<std::ptrdiff_t>(high), target) -
        list_.begin());
    return at_ < n ? list_[at_] : end_slot;
  }

 private:
  Postings const& list_;
  std::size_t at_ = 0;
};

class AndCursor final : public Cursor {
 public:
  explicit AndCursor(std::vector<std::unique_ptr<Cursor>> children)
      : children_(std::move(children)) {}
  std::uint32_t seek(std::uint32_t target) override {
    auto slot = target;
    while (true) {
      bool agreed = true;
      for (auto& child : children_) {
        auto const next = child->seek(slot);
        if (next == end_slot) return end_slot;
        if (next != slot) {
          slot = next;
          agreed = false;
        }
      }
      if (agreed) return slot;
    }
  }

 private:
  std::vector<std::unique_ptr<Cursor>> children_;
};

class OrCursor final : public Cursor {
 public:
  explicit OrCursor(std::vector<std::unique_ptr<Cursor>> children)
      : children_(std::move(children)), current_(children_.size(), -1) {}
  std::uint32_t seek(std::uint32_t target) override {
    auto best = end_slot;
    for (std::size_t i = 0; i < children_.size(); ++i) {
      if (current_[i] < static_cast<std::int64_t>(target) && current_[i] != end_slot)
        current_[i] = children_[i]->seek(target);
      best = std::min(best, static_cast<std::uint32_t>(current_[i]));
    }
    return best;
  }

 private:
  std::vector<std::unique_ptr<Cursor>> children_;
  std::vector<std::int64_t> current_;  // -1: not sought yet
};

std::vector<std::string> split_words(std::string const& words) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < words.size()) {
    auto next = words.find(' ', at);
    if (next == std::string::npos) next = words.size();
    if (next > at) out.push_back(words.substr(at, next - at));
    at = next + 1;
  }
  return out;
}

// What the index holds for one document: the same tokens the write side used to give FTS5 (the
// body's words and bigrams, the words of its title, heading and section), two-character tokens as
// keys (pair_key) and the others as strings. Duplicates are left for Data::add to drop.
struct Tokens {
  std::vector<std::uint64_t> pairs;
  std::vector<std::string> words;
};

class Tokenizer {
 public:
  Tokens tokens(Candidate const& document) {
    Tokens out;
    out.pairs = index_bigram_keys(document.body);
    auto const take = [&](std::string word) {
      if (auto const key = pair_key_of(word)) out.pairs.push_back(*key);
      else out.words.push_back(std::move(word));
    };
    for (auto& word : split_words(document.words)) take(std::move(word));
    for (auto const* field : {&document.title, &document.heading, &document.section}) {
      auto found = fields_.find(*field);
      if (found == fields_.end()) {
        if (fields_.size() > 100'000) fields_.clear();
        found = fields_.emplace(*field, index_tokens(*field).words).first;
      }
      for (auto const& word : found->second) take(word);
    }
    return out;
  }

 private:
  std::unordered_map<std::string, std::vector<std::string>> fields_;  // titles repeat
};

// Pair keys → posting numbers, open addressing: most tokens are bigrams, and a node-based map
// spent most of a load on its nodes.
class PairTable {
 public:
  // The number stored for `key`, or `fresh` stored now (inserted = true).
  std::pair<std::uint32_t, bool> find_or_add(std::uint64_t key, std::uint32_t fresh) {
    if ((used_ + 1) * 2 > slots_.size()) grow();
    auto at = position(key);
    if (slots_[at].first == key) return {slots_[at].second, false};
    slots_[at] = {key, fresh};
    ++used_;
    return {fresh, true};
  }
  std::optional<std::uint32_t> find(std::uint64_t key) const {
    if (slots_.empty()) return std::nullopt;
    auto const& slot = slots_[position(key)];
    if (slot.first != key) return std::nullopt;
    return slot.second;
  }

 private:
  std::size_t position(std::uint64_t key) const {  // key's slot, or the empty one where it goes
    auto const mask = slots_.size() - 1;
    auto at = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 20) & mask;
    while (slots_[at].first != 0 && slots_[at].first != key) at = (at + 1) & mask;
    return at;
  }
  void grow() {
    auto old = std::move(slots_);
    slots_.assign(std::max<std::size_t>(1024, old.size() * 2), {0, 0});
    for (auto const& slot : old)
      if (slot.first != 0) slots_[position(slot.first)] = slot;
  }
  std::vector<std::pair<std::uint64_t, std::uint32_t>> slots_;  // key 0: empty (keys never are 0)
  std::size_t used_ = 0;
};

}  // namespace

struct Index::Data {
  std::int64_t generation = -1;
  std::int64_t max_id = 0;  // the highest document id loaded
  std::vector<Candidate> documents;  // by slot, in id order
  std::vector<std::uint8_t> live;    // 0 once removed (the slot stays until a rebuild)
  std::int64_t live_count = 0;
  std::unordered_map<std::int64_t, std::uint32_t> slot_of;  // id → slot
  PairTable pair_of;                                        // two-character tokens
  std::unordered_map<std::string, std::uint32_t> word_of;   // the others
  std::vector<Postings> postings;
  std::vector<store::LawName> laws, normalized_laws;
  mutable std::mutex frequencies_mutex;
  mutable std::unordered_map<std::string, std::int64_t> frequencies;

  void post(std::uint32_t number, bool fresh, std::uint32_t slot) {
    if (fresh) postings.emplace_back();
    auto& list = postings[number];
    if (list.empty() || list.back() != slot) list.push_back(slot);  // a token twice in one document
  }

  void add(Candidate document, Tokens const& tokens) {
    auto const capital = [](std::string const& text) {
      return std::any_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    };
    document.lowercase = !capital(document.title) && !capital(document.heading) &&
                         !capital(document.section) && !capital(document.body);
    auto const slot = static_cast<std::uint32_t>(documents.size());
    for (auto const key : tokens.pairs) {
      auto const [number, fresh] = pair_of.find_or_add(key, static_cast<std::uint32_t>(postings.size()));
      post(number, fresh, slot);
    }
    for (auto const& word : tokens.words) {
      auto const [found, fresh] = word_of.try_emplace(word, static_cast<std::uint32_t>(postings.size()));
      post(found->second, fresh, slot);
    }
    max_id = std::max(max_id, document.id);
    slot_of.emplace(document.id, slot);
    documents.push_back(std::move(document));
    live.push_back(1);
    ++live_count;
  }

  void remove(std::int64_t id) {
    auto const found = slot_of.find(id);
    if (found == slot_of.end()) return;
    live[found->second] = 0;
    --live_count;
    // The candidate's text is no longer needed: only its slot number stays in the postings.
    documents[found->second] = Candidate{};
    slot_of.erase(found);
  }

  std::int64_t dead() const { return static_cast<std::int64_t>(documents.size()) - live_count; }

  Postings const* list(std::string const& token) const {
    if (auto const key = pair_key_of(token)) {
      auto const number = pair_of.find(*key);
      return number ? &postings[*number] : nullptr;
    }
    auto const found = word_of.find(token);
    return found == word_of.end() ? nullptr : &postings[found->second];
  }

  // nullptr when nothing can match.
  std::unique_ptr<Cursor> all_of(std::vector<std::string> const& tokens) const {
    std::vector<std::pair<std::size_t, Postings const*>> lists;
    for (auto const& token : tokens) {
      auto const* found = list(token);
      if (!found) return nullptr;
      lists.emplace_back(found->size(), found);
    }
    if (lists.empty()) return nullptr;
    std::sort(lists.begin(), lists.end());  // the rarest leads
    if (lists.size() == 1) return std::make_unique<ListCursor>(*lists[0].second);
    std::vector<std::unique_ptr<Cursor>> children;
    for (auto const& [size, found] : lists) children.push_back(std::make_unique<ListCursor>(*found));
    return std::make_unique<AndCursor>(std::move(children));
  }

  std::unique_ptr<Cursor> any_of(std::vector<std::unique_ptr<Cursor>> children) const {
    std::erase(children, nullptr);
    if (children.empty()) return nullptr;
    if (children.size() == 1) return std::move(children[0]);
    return std::make_unique<OrCursor>(std::move(children));
  }

  std::unique_ptr<Cursor> cursor(Alternative const& alternative) const {
    std::vector<std::unique_ptr<Cursor>> children;
    children.push_back(all_of({alternative.word}));
    if (!alternative.bigrams.empty()) children.push_back(all_of(alternative.bigrams));
    if (!alternative.parts.empty()) children.push_back(all_of(alternative.parts));
    return any_of(std::move(children));
  }

  std::unique_ptr<Cursor> cursor(Expression const& expression) const {
    std::vector<std::unique_ptr<Cursor>> groups;
    for (auto const& group : expression) {
      std::vector<std::unique_ptr<Cursor>> alternatives;
      for (auto const& alternative : group) alternatives.push_back(cursor(alternative));
      auto any = any_of(std::move(alternatives));
      if (!any) return nullptr;
      groups.push_back(std::move(any));
    }
    if (groups.empty()) return nullptr;
    if (groups.size() == 1) return std::move(groups[0]);
    return std::make_unique<AndCursor>(std::move(groups));
  }
};

bool passes(Candidate const& document, Filter const& filter) {
  return (filter.kind.empty() || document.kind == filter.kind) &&
         (filter.law_id == 0 || document.law_id == filter.law_id) &&
         (filter.from.empty() || document.date >= filter.from) &&
         (filter.to.empty() || document.date <= filter.to);
}

Index::Index() : data_(std::make_unique<Data>()) {}
Index::~Index() = default;

std::int64_t Index::Reader::documents() const { return data_->live_count; }
std::vector<store::LawName> const& Index::Reader::laws() const { return data_->laws; }
std::vector<store::LawName> const& Index::Reader::normalized_laws() const {
  return data_->normalized_laws;
}
Candidate const& Index::Reader::candidate(std::uint32_t slot) const {
  return data_->documents[slot];
}

std::int64_t Index::Reader::frequency(Alternative const& alternative, std::int64_t cap) const {
  {
    std::lock_guard lock(data_->frequencies_mutex);
    if (auto found = data_->frequencies.find(alternative.word); found != data_->frequencies.end())
      return found->second;
  }
  std::int64_t count = 0;
  if (auto cursor = data_->cursor(alternative)) {
    for (auto slot = cursor->seek(0); slot != end_slot && count < cap; slot = cursor->seek(slot + 1))
      count += data_->live[slot];
  }
  std::lock_guard lock(data_->frequencies_mutex);
  if (data_->frequencies.size() > 100'000) data_->frequencies.clear();
  data_->frequencies[alternative.word] = count;
  return count;
}

std::vector<bool> Index::Reader::holds(Alternative const& alternative,
                                       std::vector<std::uint32_t> const& slots) const {
  std::vector<bool> out(slots.size(), false);
  auto cursor = data_->cursor(Alternative{alternative.word, alternative.bigrams, {}});
  if (!cursor) return out;
  for (std::size_t i = 0; i < slots.size(); ++i) {
    auto const at = cursor->seek(slots[i]);
    if (at == end_slot) break;
    out[i] = at == slots[i];
  }
  return out;
}

std::vector<std::uint32_t> Index::Reader::matching(Expression const& expression,
                                                   Filter const& filter, std::size_t limit) const {
  std::vector<std::uint32_t> out;
  auto cursor = data_->cursor(expression);
  if (!cursor) return out;
  for (auto slot = cursor->seek(0); slot != end_slot && out.size() < limit;
       slot = cursor->seek(slot + 1))
    if (data_->live[slot] && passes(data_->documents[slot], filter)) out.push_back(slot);
  return out;
}

// Through the gate: a refresh waiting for the lock holds the gate, so new searches queue behind
// it instead of starving it (glibc's rwlock prefers readers).
std::shared_lock<std::shared_mutex> Index::shared() {
  std::lock_guard gate(gate_);
  return std::shared_lock(mutex_);
}

std::unique_lock<std::shared_mutex> Index::exclusive() {
  std::lock_guard gate(gate_);
  return std::unique_lock(mutex_);
}

Index::Reader Index::read(db::Connection& conn) {
  // Other nodes' (and other processes') writes are seen within check_interval; this process's
  // own on the next search. A PostgreSQL round trip per search was 1-2 ms of its p95.
  auto const now = std::chrono::steady_clock::now().time_since_epoch().count();
  auto const local = store::local_writes();
  if (now - last_check_.load(std::memory_order_acquire) < check_interval.count() &&
      local == checked_local_.load(std::memory_order_acquire)) {
    auto lock = shared();
    if (data_->generation >= 0) return Reader(std::move(lock), *data_);
  }
  auto const generation = store::generation(conn);
  checked_local_.store(local, std::memory_order_release);
  last_check_.store(now, std::memory_order_release);
  {
    auto lock = shared();
    if (data_->generation == generation) return Reader(std::move(lock), *data_);
  }
  refresh(conn, generation);
  return Reader(shared(), *data_);
}

void Index::refresh(db::Connection& conn, std::int64_t generation) {
  std::lock_guard refreshing(refreshing_);
  // Only this thread changes data_ from here on, so reading it without mutex_ is safe.
  if (data_->generation == generation) return;
  auto laws = store::laws(conn);
  auto normalized = laws;
  for (auto& law : normalized) {
    law.title = normalize(law.title);
    law.short_title = normalize(law.short_title);
  }
  Tokenizer tokenizer;
  // The documents since the last load and their tokens, read while searches go on.
  auto const load_after = [&](std::int64_t after, auto&& take) {
    while (true) {
      auto page = store::documents_after(conn, after, load_page);
      for (auto& document : page) {
        after = document.id;
        auto tokens = tokenizer.tokens(document);
        take(std::move(document), std::move(tokens));
      }
      if (static_cast<std::int64_t>(page.size()) < load_page) return;
    }
  };
  bool const first = data_->generation < 0 || generation < data_->generation;
  if (!first) {
    // Removed ids are read after the new documents: a document added and removed in between
    // is then in both lists, and ends removed.
    std::vector<std::pair<Candidate, Tokens>> added;
    load_after(data_->max_id, [&](Candidate document, Tokens tokens) {
      added.emplace_back(std::move(document), std::move(tokens));
    });
    auto const removed = store::removed_since(conn, data_->generation);
    auto const dead_after = data_->dead() + static_cast<std::int64_t>(removed.size());
    if (dead_after <= std::max<std::int64_t>(1000, data_->live_count / 4)) {
      auto lock = exclusive();
      for (auto& [document, tokens] : added) data_->add(std::move(document), tokens);
      for (auto const id : removed) data_->remove(id);
      data_->laws = std::move(laws);
      data_->normalized_laws = std::move(normalized);
      data_->frequencies.clear();
      data_->generation = generation;
      return;
    }
  }
  // First load, or too many removed slots: build afresh, then swap.
  auto fresh = std::make_unique<Data>();
  load_after(0, [&](Candidate document, Tokens tokens) { fresh->add(std::move(document), tokens); });
  for (auto& list : fresh->postings) list.shrink_to_fit();
  fresh->laws = std::move(laws);
  fresh->normalized_laws = std::move(normalized);
  fresh->generation = generation;
  auto lock = exclusive();
  data_ = std::move(fresh);
}

}  // namespace pufa::search
