#include "laws/numerals.hpp"

#include <array>
#include <charconv>

namespace pufa::laws {

namespace {

constexpr std::array<std::string_view, 10> digit_chars = {"零", "一", "二", "三", "四",
                                                          "五", "六", "七", "八", "九"};
constexpr int ten = 10;
constexpr int hundred = 100;
constexpr int thousand = 1000;

// Every character we read is three UTF-8 bytes (CJK block).
constexpr std::size_t cjk_bytes = 3;

std::optional<int> digit_of(std::string_view ch) {
  if (ch == "〇") return 0;
  for (std::size_t i = 0; i < digit_chars.size(); ++i) {
    if (digit_chars[i] == ch) return static_cast<int>(i);
  }
  return std::nullopt;
}

std::optional<int> unit_of(std::string_view ch) {
  if (ch == "十") return ten;
  if (ch == "百") return hundred;
  if (ch == "千") return thousand;
  return std::nullopt;
}

bool consume(std::string_view& text, std::string_view prefix) {
  if (!text.starts_with(prefix)) return false;
  text.remove_prefix(prefix.size());
  return true;
}

std::optional<int> parse_ascii(std::string_view text) {
  if (text.empty() || text.size() > 4) return std::nullopt;
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 1) return std::nullopt;
  return value;
}

// ASCII digits or a Chinese numeral, whichever the text is.
std::optional<int> parse_number(std::string_view text) {
  if (!text.empty() && text.front() >= '0' && text.front() <= '9') return parse_ascii(text);
  return parse_chinese(text);
}

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<int> parse_chinese(std::string_view text) {
  if (text.empty() || text.size() % cjk_bytes != 0) return std::nullopt;
  int total = 0;
  int pending = -1;                // a digit waiting for its unit, -1 when none
  int last_unit = thousand * ten;  // units must strictly decrease
  bool after_zero = false;
  for (std::size_t at = 0; at < text.size(); at += cjk_bytes) {
    auto const ch = text.substr(at, cjk_bytes);
    if (auto digit = digit_of(ch)) {
      if (pending >= 0) return std::nullopt;  // two digits in a row: 一二
      if (*digit == 0) {
        if (after_zero || total == 0) return std::nullopt;
        after_zero = true;
        continue;
      }
      pending = *digit;
      continue;
    }
    auto unit = unit_of(ch);
    if (!unit || *unit >= last_unit) return std::nullopt;
    if (pending < 0) {
      // Only a leading 十 stands alone (十, 十七); 一百十 or 百 are not how numbers are written.
      if (*unit != ten || total != 0) return std::nullopt;
      pending = 1;
    }
    // A 零 marks a skipped unit: 一千零七十 is fine, 一千零百 or 一百零十 written out are not.
    if (after_zero && *unit * ten == last_unit) return std::nullopt;
    total += pending * *unit;
    last_unit = *unit;
    pending = -1;
    after_zero = false;
  }
  if (pending >= 0) {
    // A trailing digit is the ones, after 十 or after a 零 (一百零五); 一百五 (=150) is rejected.
    if (last_unit != ten && !after_zero && total != 0) return std::nullopt;
    total += pending;
  } else if (after_zero) {
    return std::nullopt;  // ends with 零
  }
  if (total < 1 || total > max_numeral) return std::nullopt;
  return total;
}

std::string to_chinese(int n) {
  std::string out;
  constexpr std::array<std::pair<int, std::string_view>, 3> units = {
      {{thousand, "千"}, {hundred, "百"}, {ten, "十"}}};
  bool zero_pending = false;
  for (auto const& [unit, name] : units) {
    int const digit = n / unit % ten;
    if (digit == 0) {
      if (!out.empty()) zero_pending = true;
      continue;
    }
    if (zero_pending) out += digit_chars[0];
    zero_pending = false;
    // 十七, not 一十七; but 一百一十 keeps its 一.
    if (!(unit == ten && digit == 1 && out.empty())) out += digit_chars[digit];
    out += name;
  }
  int const ones = n % ten;
  if (ones != 0) {
    if (zero_pending) out += digit_chars[0];
    out += digit_chars[ones];
  }
  return out;
}

std::optional<ArticleRef> parse_article_ref(std::string_view text) {
  text = trim_spaces(text);
  bool const prefixed = consume(text, "第");
  std::string_view suffix_text;
  if (auto at = text.find("之"); at != std::string_view::npos) {
    suffix_text = text.substr(at + std::string_view("之").size());
    text = text.substr(0, at);
    if (suffix_text.empty()) return std::nullopt;
  }
  bool const has_tiao = text.ends_with("条");
  if (has_tiao) text.remove_suffix(std::string_view("条").size());
  if (prefixed != has_tiao) return std::nullopt;  // 第17 or 17条: half a label
  auto number = parse_number(text);
  if (!number) return std::nullopt;
  ArticleRef ref{*number, 0};
  if (!suffix_text.empty()) {
    auto suffix = parse_number(suffix_text);
    if (!suffix) return std::nullopt;
    ref.suffix = *suffix;
  }
  return ref;
}

std::string article_label(ArticleRef ref) {
  std::string out = "第" + to_chinese(ref.number) + "条";
  if (ref.suffix > 0) out += "之" + to_chinese(ref.suffix);
  return out;
}

}  // namespace pufa::laws
