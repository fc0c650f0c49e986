// Streams one XML part through expat and hands elements to a handler by local name, so that
// prefixed (<x:c>) and plain (<c>) SpreadsheetML read the same.
#pragma once

#include <string_view>

namespace pufa::xlsx {

// Attributes of one start tag, looked up by local name (r:id is "id").
class XmlAttributes {
 public:
  explicit XmlAttributes(char const** raw) : raw_(raw) {}
  std::string_view get(std::string_view local_name) const;  // "" when absent

 private:
  char const** raw_;
};

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  // May throw (ReadError); the parse stops and parse_xml rethrows.
  virtual void start(std::string_view name, XmlAttributes const& attributes) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view text) = 0;  // character data, possibly in pieces
};

// Throws ReadError naming `part` when the XML is malformed or has a DOCTYPE.
void parse_xml(std::string_view xml, XmlHandler& handler, std::string_view part);

}  // namespace pufa::xlsx
