#include "content/service.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/json/array.hpp>
#include <system_error>

#include "auth/audit.hpp"
#include "auth/store.hpp"
#include "base/time.hpp"
#include "base/random.hpp"
#include "content/cite.hpp"
#include "content/disclosure.hpp"
#include "content/files.hpp"
#include "content/qr.hpp"
#include "content/sanitize.hpp"
#include "content/store.hpp"
#include "content/view.hpp"
#include "http/error.hpp"
#include "media/storage.hpp"
#include "search/search.hpp"

namespace pufa::content {

using http::ApiError;
using http::AppError;
namespace json = boost::json;

namespace {

constexpr std::size_t summary_chars = 120;  // a summary made from the body when none is given
constexpr std::size_t max_attachments = 20;
constexpr char const* object_type = "articles";

[[noreturn]] void invalid(std::string message, std::string field) {
  throw ApiError(AppError::validation_failed, std::move(message), std::move(field));
}

// The first `chars` characters of `text` on one line, with an ellipsis when cut.
std::string excerpt(std::string const& text, std::size_t chars) {
  std::string out;
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto const byte = static_cast<unsigned char>(text[i]);
    if ((byte & 0xC0) != 0x80 && count++ == chars) return out + "…";
    out += text[i] == '\n' ? ' ' : text[i];
  }
  return out;
}

Article load(db::Connection& conn, std::int64_t id) {
  auto article = store::article(conn, id);
  if (!article) throw ApiError(AppError::not_found, "文章不存在");
  return std::move(*article);
}

Article load_in_scope(db::Connection& conn, auth::Principal const& caller, std::int64_t id) {
  auto article = load(conn, id);
  if (!caller.covers(article.region_path)) throw ApiError(AppError::out_of_scope);
  return article;
}

void require_status(Article const& article, std::initializer_list<std::string_view> allowed,
                    std::string const& message) {
  if (std::find(allowed.begin(), allowed.end(), article.status) == allowed.end())
    throw ApiError(AppError::conflict, message);
}

void audit(db::Connection& conn, http::Request const& request, auth::Principal const& caller,
           std::string action, std::int64_t id, std::string detail = {}) {
  auto entry = auth::audit_entry(request, &caller, std::move(action), object_type, std::to_string(id));
  entry.detail = std::move(detail);
  auth::record_audit(conn, entry);
}

// 发布机构 when the author names none: the author's region (the bureau for the city level).
std::string default_publisher(db::Connection& conn, auth::Principal const& caller) {
  auto region = auth::store::region_by_id(conn, caller.region_id);
  if (!region || !region->parent_id) return std::string(bureau_name);
  return region->name;
}

void check_citations(db::Connection& conn, std::vector<Citation> const& cited) {
  for (auto const& citation : cited) {
    if (!resolve(conn, citation)) {
      invalid("法规库中没有《" + law_key(citation.law) + "》" + laws::article_label(citation.ref) +
                  "，请核对法律名称和条号",
              "case.cited");
    }
  }
}

void check_attachments(db::Connection& conn, auth::Principal const& caller, std::vector<std::int64_t> const& ids,
                       std::int64_t article_id) {
  if (ids.size() > max_attachments)
    invalid("附件不能超过 " + std::to_string(max_attachments) + " 个", "attachment_ids");
  for (auto const id : ids) {
    auto file = store::attachment(conn, id);
    if (!file || !caller.covers(file->region_path)) invalid("附件不存在", "attachment_ids");
    if (file->article_id && *file->article_id != article_id) invalid("该附件已属于其他文章", "attachment_ids");
  }
}

// Validates the input against the database and copies it onto `article`.
void apply(db::Connection& conn, auth::Principal const& caller, ArticleInput const& input, Article& article) {
  auto column = store::column(conn, input.column);
  if (!column) invalid("栏目不存在", "column");
  article.column = *column;
  article.title = input.title;
  article.body_html = sanitize_html(input.body_html);
  auto const text = plain_text(article.body_html);
  if (text.empty() && article.body_html.find("<img") == std::string::npos) invalid("请填写正文", "body_html");
  bool const has_summary = input.summary && input.summary->find_first_not_of(" \t\r\n") != std::string::npos;
  article.summary = has_summary ? *input.summary : excerpt(text, summary_chars);
  article.publisher = input.publisher ? *input.publisher : default_publisher(conn, caller);
  article.written_on = input.written_on;
  article.disclosure = input.disclosure.value_or(std::string(disclosure_active));
  if (article.is_case()) {
    if (!input.case_input) invalid("以案释法须填写案情、法律分析和所引法条", "case");
    check_citations(conn, input.case_input->cited);
    article.case_facts = input.case_input->facts;
    article.case_analysis = input.case_input->analysis;
    article.cited = input.case_input->cited;
  } else {
    if (input.case_input) invalid("只有以案释法栏目的文章可以填写案例信息", "case");
    article.case_facts.reset();
    article.case_analysis.reset();
    article.cited.clear();
  }
  check_attachments(conn, caller, input.attachment_ids, article.id);
}

json::object render(db::Connection& conn, std::int64_t id, VisitCounter const& visits) {
  return article_json(conn, load(conn, id), visits.unflushed(id));
}

}  // namespace

search::Document search_document(Article const& a) {
  auto body = plain_text(a.body_html);
  if (a.is_case()) body += "\n" + a.case_facts.value_or("") + "\n" + a.case_analysis.value_or("");
  return {.kind = a.is_case() ? "case" : "article",
          .ref_id = a.id,
          .law_id = 0,
          .title = a.title,
          .heading = a.column.name,
          .section = a.column.section,
          .body = std::move(body),
          .date = a.published_at ? base::shanghai_date(*a.published_at) : std::string(),
          .url = "/articles/" + std::to_string(a.id)};
}

std::string public_url(std::string const& base, std::int64_t id) {
  return base + "/articles/" + std::to_string(id);
}

json::object ContentService::list(auth::Principal const& caller, ListQuery const& query) const {
  return db_->read([&](db::Connection& conn) {
    store::ListFilter filter;
    filter.region_path = caller.region_path;
    filter.column = query.column;
    filter.status = query.status;
    filter.title_like = query.q.empty() ? std::string() : http::contains_pattern(query.q);
    filter.offset = (query.page - 1) * query.size;
    filter.limit = query.size;
    auto page = store::list_articles(conn, filter);
    json::array items;
    for (auto const& article : page.items) {
      auto item = article_json(conn, article, visits_->unflushed(article.id));
      item.erase("body_html");  // lists stay light; the form loads the article
      items.push_back(std::move(item));
    }
    return json::object{{"items", std::move(items)}, {"total", page.total}};
  });
}

json::object ContentService::get(auth::Principal const& caller, std::int64_t id) const {
  auto const view = visits_->consistent_view();
  return db_->read([&](db::Connection& conn) {
    auto article = load_in_scope(conn, caller, id);
    return article_json(conn, article, visits_->unflushed(id));
  });
}

json::object ContentService::create(http::Request const& request, auth::Principal const& caller,
                                    ArticleInput input) const {
  return db_->write([&](db::Connection& conn) {
    Article article;
    apply(conn, caller, input, article);
    article.region_id = caller.region_id;
    article.author_id = caller.user_id;
    article.author_name = caller.display_name;
    article.status = status::draft;
    article.created_at = article.updated_at = base::now_ms();
    article.id = store::insert_article(conn, article);
    store::replace_citations(conn, article.id, article.cited);
    store::attach(conn, article.id, input.attachment_ids);
    audit(conn, request, caller, "articles.create", article.id, article.title);
    return render(conn, article.id, *visits_);
  });
}

json::object ContentService::update(http::Request const& request, auth::Principal const& caller, std::int64_t id,
                                    ArticleInput input) const {
  return db_->write([&](db::Connection& conn) {
    auto article = load_in_scope(conn, caller, id);
    require_status(article, {status::draft, status::returned}, "只有草稿或被退回的文章可以修改");
    apply(conn, caller, input, article);
    article.updated_at = base::now_ms();
    store::update_article(conn, article);
    store::replace_citations(conn, id, article.cited);
    store::attach(conn, id, input.attachment_ids);
    audit(conn, request, caller, "articles.update", id, article.title);
    return render(conn, id, *visits_);
  });
}

void ContentService::remove(http::Request const& request, auth::Principal const& caller, std::int64_t id) const {
  db_->write([&](db::Connection& conn) {
    auto article = load_in_scope(conn, caller, id);
    require_status(article, {status::draft, status::returned}, "只有草稿或被退回的文章可以删除");
    store::delete_article(conn, id);
    search::remove(conn, article.is_case() ? "case" : "article", id);
    audit(conn, request, caller, "articles.delete", id, article.title);
  });
}

json::object ContentService::submit(http::Request const& request, auth::Principal const& caller,
                                    std::int64_t id) const {
  return db_->write([&](db::Connection& conn) {
    auto article = load_in_scope(conn, caller, id);
    require_status(article, {status::draft, status::returned}, "只有草稿或被退回的文章可以提交审核");
    store::set_status(conn, id, status::review, std::nullopt, base::now_ms());
    audit(conn, request, caller, "articles.submit", id);
    return render(conn, id, *visits_);
  });
}

json::object ContentService::send_back(http::Request const& request, auth::Principal const& caller,
                                       std::int64_t id, std::string const& reason) const {
  return db_->write([&](db::Connection& conn) {
    auto article = load_in_scope(conn, caller, id);
    require_status(article, {status::review}, "只有待审核的文章可以退回");
    store::set_status(conn, id, status::returned, reason, base::now_ms());
    audit(conn, request, caller, "articles.return", id, reason.substr(0, 200));
    return render(conn, id, *visits_);
  });
}

json::object ContentService::publish(http::Request const& request, auth::Principal const& caller,
                                     std::int64_t id) const {
  return db_->write([&](db::Connection& conn) {
    auto article = load_in_scope(conn, caller, id);
    require_status(article, {status::review}, "只有待审核的文章可以发布");
    auto const now = base::now_ms();
    auto const year = base::shanghai_year(now);
    auto const index_no = format_index_no(bureau_code, year, store::next_serial(conn, bureau_code, year));
    store::set_published(conn, id, index_no, now, now);
    auto published = load(conn, id);
    search::upsert(conn, search_document(published));
    audit(conn, request, caller, "articles.publish", id, index_no);
    return article_json(conn, published, visits_->unflushed(id));
  });
}

json::object ContentService::withdraw(http::Request const& request, auth::Principal const& caller,
                                      std::int64_t id) const {
  return db_->write([&](db::Connection& conn) {
    auto article = load_in_scope(conn, caller, id);
    require_status(article, {status::published}, "只有已发布的文章可以撤回");
    store::set_status(conn, id, status::withdrawn, std::nullopt, base::now_ms());
    search::remove(conn, article.is_case() ? "case" : "article", id);
    audit(conn, request, caller, "articles.withdraw", id, article.index_no.value_or(""));
    return render(conn, id, *visits_);
  });
}

json::object ContentService::columns() const {
  return db_->read([&](db::Connection& conn) {
    json::array items;
    for (auto const& column : store::columns(conn)) items.push_back(column_json(column));
    return json::object{{"items", std::move(items)}};
  });
}

json::object ContentService::home() const {
  constexpr std::int64_t latest = 6;
  return db_->read([&](db::Connection& conn) {
    json::array columns;
    for (auto const& column : store::columns(conn)) {
      store::ListFilter filter;
      filter.column = column.code;
      filter.status = status::published;
      filter.newest_published_first = true;
      filter.limit = latest;
      json::array items;
      for (auto const& article : store::list_articles(conn, filter).items) {
        auto item = list_item_json(article);
        item.erase("column");
        items.push_back(std::move(item));
      }
      auto out = column_json(column);
      out["items"] = std::move(items);
      columns.push_back(std::move(out));
    }
    return json::object{{"columns", std::move(columns)}};
  });
}

json::object ContentService::public_list(std::string const& column, std::int64_t page, std::int64_t size) const {
  return db_->read([&](db::Connection& conn) {
    if (!column.empty() && !store::column(conn, column)) invalid("栏目不存在", "column");
    store::ListFilter filter;
    filter.column = column;
    filter.status = status::published;
    filter.newest_published_first = true;
    filter.offset = (page - 1) * size;
    filter.limit = size;
    auto found = store::list_articles(conn, filter);
    json::array items;
    for (auto const& article : found.items) items.push_back(list_item_json(article));
    return json::object{{"items", std::move(items)}, {"total", found.total}};
  });
}

json::object ContentService::public_article(std::int64_t id, std::string const& base) const {
  auto const view = visits_->consistent_view();
  return db_->read([&](db::Connection& conn) {
    auto article = store::article(conn, id);
    if (!article || article->status != status::published) throw ApiError(AppError::not_found, "文章不存在或未发布");
    auto out = article_json(conn, *article, visits_->add(id));
    out.erase("author");  // staff names stay in the staff pages
    out.erase("return_reason");
    out["breadcrumbs"] = breadcrumbs(article->column);
    out["qr_url"] = "/api/v1/public/articles/" + std::to_string(id) + "/qr.svg";
    out["public_url"] = public_url(base, id);
    return out;
  });
}

std::string ContentService::qr_svg(std::int64_t id, std::string const& base) const {
  bool const published = db_->read([&](db::Connection& conn) {
    auto article = store::article(conn, id);
    return article && article->status == status::published;
  });
  if (!published) throw ApiError(AppError::not_found, "文章不存在或未发布");
  return content::qr_svg(public_url(base, id)).svg;
}

json::object ContentService::upload(http::Request const& request, auth::Principal const& caller,
                                    std::optional<std::string> name) const {
  auto const& bytes = request.body;
  if (bytes.empty()) invalid("请选择要上传的文件", "file");
  auto const declared = request.header("content-type").value_or("");
  auto const type = sniff_file(bytes, declared.substr(0, declared.find(';')));
  if (!type) invalid("只能上传 PDF、Word、Excel、JPEG 或 PNG 文件", "file");
  if (!request.media_type_is(content_type(*type))) invalid("文件内容与所声明的文件类型不符", "file");

  Attachment file;
  file.info.name = name ? *name : "附件." + std::string(extension(*type));
  file.info.content_type = content_type(*type);
  file.info.size = static_cast<std::int64_t>(bytes.size());
  file.region_id = caller.region_id;
  file.uploader_id = caller.user_id;
  file.sha256 = base::sha256_hex(bytes);
  file.created_at = base::now_ms();
  file.path = media::save_file(uploads_, "attachments", bytes, extension(*type), file.created_at);
  try {
    file.info.id = db_->write([&](db::Connection& conn) {
      auto const id = store::insert_attachment(conn, file);
      auto entry = auth::audit_entry(request, &caller, "attachments.create", "attachments", std::to_string(id));
      entry.detail = file.info.content_type + ", " + std::to_string(file.info.size) + " bytes";
      auth::record_audit(conn, entry);
      return id;
    });
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(uploads_ / file.path, ignored);
    throw;
  }
  return {{"id", file.info.id},
          {"name", file.info.name},
          {"size", file.info.size},
          {"content_type", file.info.content_type},
          {"url", "/api/v1/attachments/" + std::to_string(file.info.id)}};
}

FileDownload ContentService::download(auth::Principal const* caller, std::int64_t id) const {
  auto const file = db_->read([&](db::Connection& conn) {
    auto file = store::attachment(conn, id);
    if (!file) throw ApiError(AppError::not_found, "附件不存在");
    auto article = file->article_id ? store::article(conn, *file->article_id) : std::nullopt;
    if (article && article->status == status::published) return std::move(*file);
    if (!caller) throw ApiError(AppError::unauthenticated);
    if (!caller->has("content.write")) throw ApiError(AppError::forbidden);
    if (!caller->covers(file->region_path)) throw ApiError(AppError::out_of_scope);
    return std::move(*file);
  });
  auto bytes = media::PhotoStorage(uploads_).read(file.path);
  if (!bytes) {
    spdlog::warn("attachment {} has a row but no file {}", id, file.path);
    throw ApiError(AppError::not_found, "附件文件不存在");
  }
  return {file.info.name, file.info.content_type, std::move(*bytes)};
}

}  // namespace pufa::content
