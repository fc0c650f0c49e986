#include "exam/model.hpp"

#include <array>
#include <utility>

namespace pufa::exam {

namespace {

// One string table per enum, in the enum's order.
constexpr std::array<std::string_view, 3> exam_statuses{"draft", "published", "closed"};
constexpr std::array<std::string_view, 3> attempt_statuses{"in_progress", "submitted", "expired"};
constexpr std::array<std::string_view, 5> exam_states{"upcoming", "open", "in_progress", "submitted", "closed"};

template <class E, std::size_t N>
std::optional<E> parse(std::array<std::string_view, N> const& table, std::string_view code) {
  for (std::size_t i = 0; i < N; ++i) {
    if (table[i] == code) return static_cast<E>(i);
  }
  return std::nullopt;
}

}  // namespace

std::string_view code_of(ExamStatus status) { return exam_statuses[static_cast<std::size_t>(status)]; }
std::string_view code_of(AttemptStatus status) { return attempt_statuses[static_cast<std::size_t>(status)]; }
std::string_view code_of(ExamState state) { return exam_states[static_cast<std::size_t>(state)]; }
std::optional<ExamStatus> exam_status_of(std::string_view code) { return parse<ExamStatus>(exam_statuses, code); }
std::optional<AttemptStatus> attempt_status_of(std::string_view code) {
  return parse<AttemptStatus>(attempt_statuses, code);
}

}  // namespace pufa::exam
