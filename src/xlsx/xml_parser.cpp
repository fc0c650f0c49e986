#include "xlsx/xml_parser.hpp"

#include <expat.h>

#include <climits>
#include <exception>
#include <memory>
#include <string>

#include "xlsx/xlsx.hpp"

namespace pufa::xlsx {

namespace {

// Expat joins namespace URI and local name with this; URIs cannot contain a space.
constexpr char namespace_separator = ' ';

std::string_view local_name(char const* name) {
  std::string_view const full(name);
  auto const at = full.rfind(namespace_separator);
  return at == std::string_view::npos ? full : full.substr(at + 1);
}

struct ParserFree {
  void operator()(XML_ParserStruct* parser) const { XML_ParserFree(parser); }
};

struct Context {
  XML_Parser parser;
  XmlHandler& handler;
  std::exception_ptr error;
};

// Exceptions must not unwind through expat's C frames: keep them and stop the parser.
template <typename Call>
void guarded(void* data, Call call) {
  auto* context = static_cast<Context*>(data);
  if (context->error) return;
  try {
    call(context->handler);
  } catch (...) {
    context->error = std::current_exception();
    XML_StopParser(context->parser, XML_FALSE);
  }
}

void on_start(void* data, XML_Char const* name, XML_Char const** attributes) {
  guarded(data, [&](XmlHandler& h) { h.start(local_name(name), XmlAttributes(attributes)); });
}

void on_end(void* data, XML_Char const* name) {
  guarded(data, [&](XmlHandler& h) { h.end(local_name(name)); });
}

void on_text(void* data, XML_Char const* text, int length) {
  guarded(data, [&](XmlHandler& h) { h.text(std::string_view(text, length)); });
}

// OOXML never has a DTD; refusing one rules out entity expansion attacks.
void on_doctype(void* data, XML_Char const*, XML_Char const*, XML_Char const*, int) {
  guarded(data, [](XmlHandler&) { throw ReadError("工作簿含有不允许的 DOCTYPE"); });
}

}  // namespace

std::string_view XmlAttributes::get(std::string_view wanted) const {
  for (auto** at = raw_; at[0] != nullptr; at += 2) {
    if (local_name(at[0]) == wanted) return at[1];
  }
  return {};
}

void parse_xml(std::string_view xml, XmlHandler& handler, std::string_view part) {
  std::unique_ptr<XML_ParserStruct, ParserFree> parser(
      XML_ParserCreateNS(nullptr, namespace_separator));
  if (!parser) throw std::bad_alloc();
  if (xml.size() > INT_MAX) throw ReadError("工作簿的 " + std::string(part) + " 部分过大");
  Context context{parser.get(), handler, nullptr};
  XML_SetUserData(parser.get(), &context);
  XML_SetElementHandler(parser.get(), on_start, on_end);
  XML_SetCharacterDataHandler(parser.get(), on_text);
  XML_SetStartDoctypeDeclHandler(parser.get(), on_doctype);
  auto const status = XML_Parse(parser.get(), xml.data(), static_cast<int>(xml.size()), XML_TRUE);
  if (context.error) std::rethrow_exception(context.error);
  if (status != XML_STATUS_OK) {
    throw ReadError("工作簿的 " + std::string(part) + " 部分不是有效的 XML（第 " +
                    std::to_string(XML_GetCurrentLineNumber(parser.get())) + " 行）");
  }
}

}  // namespace pufa::xlsx
