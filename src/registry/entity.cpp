#include "registry/entity.hpp"

#include <stdexcept>
#include <string>

namespace pufa::registry {

Choice const* ChoiceList::find(std::string_view code) const {
  for (auto const& item : items) {
    if (item.code == code) return &item;
  }
  return nullptr;
}

Choice const* ChoiceList::read(std::string_view text) const {
  for (auto const& item : items) {
    if (item.code == text || item.label == text) return &item;
  }
  return nullptr;
}

std::string_view ChoiceList::label(std::string_view code) const {
  auto const* found = find(code);
  return found ? found->label : code;
}

Field const* Entity::field(std::string_view key) const {
  for (auto const& f : fields) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

std::size_t Entity::index_of(std::string_view key) const {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].key == key) return i;
  }
  throw std::logic_error("entity " + std::string(name) + " has no field " + std::string(key));
}

bool is_reference(Kind kind) { return kind == Kind::region || kind == Kind::ref; }

bool is_sealed(Kind kind) { return kind == Kind::phone || kind == Kind::id_number; }

bool is_multi(Kind kind) { return kind == Kind::tags || kind == Kind::refs; }

std::string name_key(std::string_view key) {
  std::string base(key);
  if (base.ends_with("_ids")) return base.substr(0, base.size() - 4) + "_names";
  if (base.ends_with("_id")) base.resize(base.size() - 3);
  return base + "_name";
}

}  // namespace pufa::registry
